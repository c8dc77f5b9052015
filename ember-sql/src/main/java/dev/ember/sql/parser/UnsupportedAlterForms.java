package dev.ember.sql.parser;

import dev.ember.sql.AnalysisException;
import dev.ember.sql.plan.expressions.Origin;
import java.util.Map;
import org.antlr.v4.runtime.ParserRuleContext;

/**
 * Names the well-formed ALTER TABLE / ALTER VIEW forms of Spark's grammar that Ember parses but does not build
 * (SET LOCATION, SET SERDE, partition renames, column type and position changes, CLUSTER BY, ALTER VIEW
 * RENAME TO and its properties), for the UNSUPPORTED_FEATURE error raised at the clause. Malformed ALTER
 * statements never get here: the grammar has no catch-all, so they are PARSE_SYNTAX_ERRORs at the offending
 * token.
 */
final class UnsupportedAlterForms {

  private UnsupportedAlterForms() {}

  /** The error for {@code ALTER TABLE name <clause>}. */
  static AnalysisException alterTable(EmberSqlParser.UnsupportedAlterTableContext clause) {
    return unsupported(alterTableFeature(clause), clause);
  }

  /** The error for {@code ALTER VIEW name <clause>}. */
  static AnalysisException alterView(EmberSqlParser.UnsupportedAlterViewContext clause) {
    String feature = clause.RENAME() != null ? "RENAME TO"
        : clause.SET() != null ? "SET TBLPROPERTIES" : "UNSET TBLPROPERTIES";
    return unsupported("ALTER VIEW ... " + feature, clause);
  }

  private static String alterTableFeature(EmberSqlParser.UnsupportedAlterTableContext clause) {
    String partition = clause.partitionSpec().isEmpty() ? "" : " PARTITION ...";
    if (clause.LOCATION() != null) {
      return "ALTER TABLE ..." + partition + " SET LOCATION";
    }
    if (clause.SERDE() != null) {
      return "ALTER TABLE ..." + partition + " SET SERDE";
    }
    if (clause.SERDEPROPERTIES() != null) {
      return "ALTER TABLE ..." + partition + " SET SERDEPROPERTIES";
    }
    if (clause.RENAME() != null) {
      return "ALTER TABLE ... PARTITION ... RENAME TO PARTITION";
    }
    if (clause.CLUSTER() != null) {
      return "ALTER TABLE ... CLUSTER BY";
    }
    String verb = (clause.ALTER() != null ? "ALTER" : "CHANGE") + " COLUMN";
    if (clause.alterColumnAction() == null) {
      return "ALTER TABLE ... " + verb + " with a new name, type or position";
    }
    return "ALTER TABLE ... " + verb + " ... " + columnAction(clause.alterColumnAction());
  }

  private static String columnAction(EmberSqlParser.AlterColumnActionContext action) {
    if (action.TYPE() != null) {
      return "TYPE";
    }
    if (action.NOT() != null) {
      return (action.SET() != null ? "SET" : "DROP") + " NOT NULL";
    }
    if (action.DEFAULT() != null) {
      return (action.SET() != null ? "SET" : "DROP") + " DEFAULT";
    }
    return action.FIRST() != null ? "FIRST" : "AFTER";
  }

  private static AnalysisException unsupported(String feature, ParserRuleContext at) {
    Origin origin = ExpressionBuilder.origin(at);
    return new AnalysisException("UNSUPPORTED_FEATURE", Map.of("feature", feature), origin.line(),
        origin.startPosition(), "");
  }
}

package dev.ember.sql;

import dev.ember.sql.plan.Join;
import dev.ember.sql.plan.JoinType;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.Project;
import dev.ember.sql.plan.SetOperation;
import dev.ember.sql.plan.UsingJoin;
import dev.ember.sql.plan.expressions.Alias;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.Literal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The plans of {@link Dataset}'s join and set operation methods. */
final class DatasetJoins {

  private DatasetJoins() {}

  static LogicalPlan join(LogicalPlan left, LogicalPlan right, Column condition, String joinType) {
    return new Join(left, right, JoinType.fromString(joinType), condition == null ? null : condition.expr());
  }

  static LogicalPlan usingJoin(LogicalPlan left, LogicalPlan right, List<String> columns, String joinType) {
    return new UsingJoin(left, right, JoinType.fromString(joinType), columns);
  }

  static LogicalPlan setOperation(SetOperation.Kind kind, LogicalPlan left, LogicalPlan right) {
    return new SetOperation(kind, kind == SetOperation.Kind.UNION, left, right);
  }

  static LogicalPlan setOperationAll(SetOperation.Kind kind, LogicalPlan left, LogicalPlan right) {
    return new SetOperation(kind, true, left, right);
  }

  /**
   * UNION ALL matching columns by name (case-insensitive): the right side is reordered to the left's
   * columns; with {@code allowMissingColumns}, a column missing on one side is NULL there and the right
   * side's extra columns come last.
   */
  static LogicalPlan unionByName(LogicalPlan left, LogicalPlan right, boolean allowMissingColumns) {
    List<AttributeReference> l = left.output();
    List<AttributeReference> r = right.output();
    if (!allowMissingColumns && l.size() != r.size()) {
      Map<String, String> parameters = new LinkedHashMap<>();
      parameters.put("operator", "UNION");
      parameters.put("firstNumColumns", String.valueOf(l.size()));
      parameters.put("invalidOrdinalNum", "second");
      parameters.put("invalidNumColumns", String.valueOf(r.size()));
      throw new AnalysisException("NUM_COLUMNS_MISMATCH", parameters);
    }
    List<Expression> leftList = new ArrayList<>(l);
    List<Expression> rightList = new ArrayList<>();
    for (AttributeReference a : l) {
      AttributeReference match = find(r, a.name());
      if (match != null) {
        rightList.add(match);
      } else if (allowMissingColumns) {
        rightList.add(new Alias(Literal.NULL, a.name()));
      } else {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("objectName", "`" + a.name() + "`");
        parameters.put("proposal", String.join(", ", r.stream().map(x -> "`" + x.name() + "`").toList()));
        throw new AnalysisException("UNRESOLVED_COLUMN.WITH_SUGGESTION", parameters);
      }
    }
    for (AttributeReference b : r) {
      if (find(l, b.name()) == null) {
        leftList.add(new Alias(Literal.NULL, b.name()));
        rightList.add(b);
      }
    }
    return new SetOperation(SetOperation.Kind.UNION, true, new Project(leftList, left), new Project(rightList, right));
  }

  private static AttributeReference find(List<AttributeReference> columns, String name) {
    for (AttributeReference a : columns) {
      if (a.name().equalsIgnoreCase(name)) {
        return a;
      }
    }
    return null;
  }
}

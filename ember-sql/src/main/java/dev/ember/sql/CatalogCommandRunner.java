package dev.ember.sql;

import dev.ember.sql.catalog.TableMaintenance;
import dev.ember.sql.plan.Command;
import dev.ember.sql.plan.DescribeFunctionCommand;
import dev.ember.sql.plan.LocalRelation;
import dev.ember.sql.plan.RenameTableCommand;
import dev.ember.sql.plan.ShowColumnsCommand;
import dev.ember.sql.plan.ShowFunctionsCommand;
import dev.ember.sql.plan.TruncateTableCommand;
import dev.ember.sql.plan.UnresolvedRelation;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.types.DataTypes;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the catalog commands SHOW COLUMNS, TRUNCATE TABLE, ALTER TABLE ... RENAME TO, SHOW FUNCTIONS and
 * DESCRIBE FUNCTION, for {@link CommandRunner}.
 */
final class CatalogCommandRunner {

  private CatalogCommandRunner() {}

  static boolean handles(Command command) {
    return command instanceof ShowColumnsCommand || command instanceof TruncateTableCommand
        || command instanceof RenameTableCommand || command instanceof ShowFunctionsCommand
        || command instanceof DescribeFunctionCommand;
  }

  static Dataset<Row> run(EmberSession session, Command command) {
    if (command instanceof ShowFunctionsCommand show) {
      return FunctionCommands.show(session, show);
    }
    if (command instanceof DescribeFunctionCommand describe) {
      return FunctionCommands.describe(session, describe);
    }
    if (command instanceof ShowColumnsCommand show) {
      List<List<Object>> rows = new ArrayList<>();
      for (AttributeReference column : session.analyzer().analyze(new UnresolvedRelation(show.name(),
          show.origin())).output()) {
        rows.add(List.of(column.name()));
      }
      AttributeReference name = AttributeReference.create("col_name", DataTypes.StringType, false);
      return new Dataset<>(session, new LocalRelation(List.of(name), rows));
    }
    if (command instanceof TruncateTableCommand truncate) {
      rejectTempView(session, truncate.name(), "TRUNCATE TABLE");
      TableMaintenance.truncate(session.warehouseCatalog(), truncate.name(), truncate.origin());
    } else if (command instanceof RenameTableCommand rename) {
      rejectTempView(session, rename.from(), "ALTER TABLE ... RENAME TO");
      TableMaintenance.rename(session.warehouseCatalog(), rename.from(), rename.to(), rename.fromOrigin(),
          rename.toOrigin());
    }
    return new Dataset<>(session, new LocalRelation(List.of(), List.of()));
  }

  private static void rejectTempView(EmberSession session, List<String> name, String statement) {
    if (name.size() == 1 && session.sessionCatalog().lookupTempView(name.get(0)).isPresent()) {
      throw AnalysisException.unsupported(statement + " on the temporary view `" + name.get(0) + "`");
    }
  }
}

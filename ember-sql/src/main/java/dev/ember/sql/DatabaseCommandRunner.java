package dev.ember.sql;

import dev.ember.sql.catalog.CatalogDatabase;
import dev.ember.sql.catalog.WarehouseCatalog;
import dev.ember.sql.plan.Command;
import dev.ember.sql.plan.CreateDatabaseCommand;
import dev.ember.sql.plan.DescribeDatabaseCommand;
import dev.ember.sql.plan.DropDatabaseCommand;
import dev.ember.sql.plan.LocalRelation;
import dev.ember.sql.plan.ShowDatabasesCommand;
import dev.ember.sql.plan.UseDatabaseCommand;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.types.DataTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Runs the database commands CREATE / DROP / USE / SHOW / DESCRIBE DATABASE against the session's warehouse
 * catalog, for {@link CommandRunner}, with Spark's result columns.
 */
final class DatabaseCommandRunner {

  private DatabaseCommandRunner() {}

  static boolean handles(Command command) {
    return command instanceof CreateDatabaseCommand || command instanceof DropDatabaseCommand
        || command instanceof UseDatabaseCommand || command instanceof ShowDatabasesCommand
        || command instanceof DescribeDatabaseCommand;
  }

  static Dataset<Row> run(EmberSession session, Command command) {
    WarehouseCatalog warehouse = session.warehouseCatalog();
    if (command instanceof CreateDatabaseCommand create) {
      warehouse.createDatabase(create.name(), create.comment(), create.location(), create.ifNotExists(),
          create.origin());
    } else if (command instanceof DropDatabaseCommand drop) {
      warehouse.dropDatabase(drop.name(), drop.ifExists(), drop.cascade(), drop.origin());
    } else if (command instanceof UseDatabaseCommand use) {
      warehouse.setCurrentDatabase(use.name(), use.origin());
    } else if (command instanceof ShowDatabasesCommand show) {
      return showDatabases(session, show);
    } else if (command instanceof DescribeDatabaseCommand describe) {
      return describeDatabase(session, describe);
    }
    return new Dataset<>(session, new LocalRelation(List.of(), List.of()));
  }

  private static Dataset<Row> showDatabases(EmberSession session, ShowDatabasesCommand show) {
    Pattern regex = show.pattern() == null ? null : Catalog.likePattern(show.pattern());
    List<List<Object>> rows = new ArrayList<>();
    for (String name : session.warehouseCatalog().listDatabases()) {
      if (regex == null || regex.matcher(name).matches()) {
        rows.add(List.of(name));
      }
    }
    AttributeReference namespace = AttributeReference.create("namespace", DataTypes.StringType, false);
    return new Dataset<>(session, new LocalRelation(List.of(namespace), rows));
  }

  private static Dataset<Row> describeDatabase(EmberSession session, DescribeDatabaseCommand describe) {
    CatalogDatabase database = session.warehouseCatalog().getDatabase(describe.name())
        .orElseThrow(() -> WarehouseCatalog.schemaNotFound(describe.name(), describe.origin()));
    List<List<Object>> rows = new ArrayList<>();
    rows.add(List.of("Catalog Name", WarehouseCatalog.CATALOG_NAME));
    rows.add(List.of("Namespace Name", database.name()));
    rows.add(List.of("Comment", database.description() == null ? "" : database.description()));
    rows.add(List.of("Location", "file:" + database.location()));
    rows.add(List.of("Owner", System.getProperty("user.name", "")));
    if (describe.extended()) {
      rows.add(List.of("Properties", ""));
    }
    AttributeReference name = AttributeReference.create("info_name", DataTypes.StringType, false);
    AttributeReference value = AttributeReference.create("info_value", DataTypes.StringType, false);
    return new Dataset<>(session, new LocalRelation(List.of(name, value), rows));
  }
}

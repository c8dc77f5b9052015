package dev.ember.sql;

import dev.ember.EmberConf;
import dev.ember.sql.catalog.TableStatisticsCommands;
import dev.ember.sql.plan.AlterTableCommand;
import dev.ember.sql.plan.AlterViewCommand;
import dev.ember.sql.plan.CacheTableCommand;
import dev.ember.sql.plan.ClearCacheCommand;
import dev.ember.sql.plan.Command;
import dev.ember.sql.plan.DescribeColumnCommand;
import dev.ember.sql.plan.DescribeQueryCommand;
import dev.ember.sql.plan.DescribeRelationCommand;
import dev.ember.sql.plan.DropViewCommand;
import dev.ember.sql.plan.LocalRelation;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.ResetCommand;
import dev.ember.sql.plan.SetCommand;
import dev.ember.sql.plan.ShowTablesCommand;
import dev.ember.sql.plan.UncacheTableCommand;
import dev.ember.sql.plan.UnresolvedRelation;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Origin;
import dev.ember.sql.types.DataTypes;
import dev.ember.storage.StorageLevel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Runs the SQL commands ({@link Command}) at once, as Spark runs commands eagerly, and returns their result
 * rows as a local DataFrame with Spark's column names.
 */
final class CommandRunner {

  private static final String UNDEFINED = "<undefined>";

  private CommandRunner() {}

  static Dataset<Row> run(EmberSession session, Command command) {
    if (command instanceof SetCommand set) {
      return set(session, set);
    }
    if (command instanceof ResetCommand reset) {
      if (reset.key() == null) {
        session.conf().reset();
      } else {
        session.conf().unset(reset.key());
      }
      return empty(session);
    }
    if (command instanceof ShowTablesCommand show) {
      return showTables(session, show);
    }
    if (command instanceof DescribeRelationCommand describe) {
      // Temporary views first, then persistent tables, as the analyzer resolves names.
      LogicalPlan view = session.analyzer().analyze(new UnresolvedRelation(describe.name(), describe.origin()));
      Dataset<Row> columns = AlterTableCommandRunner.withColumnComments(session, describe.name(),
          describe(session, view.output()));
      if (!describe.extended()) {
        return columns;
      }
      List<List<Object>> rows = new ArrayList<>(((LocalRelation) columns.queryExecution().logical()).rows());
      rows.addAll(TableStatisticsCommands.detailRows(session, describe.name()));
      return new Dataset<>(session, new LocalRelation(columns.queryExecution().logical().output(), rows));
    }
    if (command instanceof DescribeColumnCommand describe) {
      AttributeReference name = AttributeReference.create("info_name", DataTypes.StringType, false);
      AttributeReference value = AttributeReference.create("info_value", DataTypes.StringType, false);
      return new Dataset<>(session, new LocalRelation(List.of(name, value),
          TableStatisticsCommands.describeColumn(session, describe)));
    }
    if (command instanceof DescribeQueryCommand describe) {
      return describe(session, session.analyzer().analyze(describe.query()).output());
    }
    if (command instanceof DropViewCommand drop) {
      String name = viewName(drop.name(), drop.origin());
      if (!session.catalog().dropTempView(name) && !drop.ifExists()) {
        throw Catalog.notFound(drop.name(), drop.origin());
      }
      return empty(session);
    }
    if (command instanceof CacheTableCommand cache) {
      return cacheTable(session, cache);
    }
    if (command instanceof UncacheTableCommand uncache) {
      String name = viewName(uncache.name(), uncache.origin());
      if (session.catalog().tableExists(name)) {
        session.catalog().uncacheTable(name);
      } else if (!uncache.ifExists()) {
        throw Catalog.notFound(uncache.name(), uncache.origin());
      }
      return empty(session);
    }
    if (command instanceof ClearCacheCommand) {
      session.catalog().clearCache();
      return empty(session);
    }
    if (DatabaseCommandRunner.handles(command)) {
      return DatabaseCommandRunner.run(session, command);
    }
    if (command instanceof AlterTableCommand alter) {
      return AlterTableCommandRunner.run(session, alter);
    }
    if (command instanceof AlterViewCommand alter) {
      return AlterTableCommandRunner.alterView(session, alter);
    }
    if (CatalogCommandRunner.handles(command)) {
      return CatalogCommandRunner.run(session, command);
    }
    throw AnalysisException.unsupported("the command " + command.simpleString());
  }

  private static Dataset<Row> set(EmberSession session, SetCommand set) {
    List<List<Object>> rows = new ArrayList<>();
    if (set.key() == null) {
      session.conf().getAll().forEach((k, v) -> rows.add(List.of(k, v)));
    } else if (set.value() == null) {
      rows.add(List.of(set.key(), session.conf().get(set.key(), UNDEFINED)));
    } else {
      checkSettable(set.key(), set.value());
      session.conf().set(set.key(), set.value());
      rows.add(List.of(set.key(), set.value()));
    }
    return local(session, List.of("key", "value"), rows);
  }

  /** Core settings are read once when the context starts, so changing them in a session would do nothing. */
  private static void checkSettable(String key, String value) {
    String canonical = EmberConf.canonicalKey(key);
    if (canonical.startsWith("ember.") && !canonical.startsWith("ember.sql.")) {
      throw new AnalysisException("CANNOT_MODIFY_CONFIG", Map.of("key", "\"" + key + "\""));
    }
    if (canonical.startsWith("ember.sql.cbo.")) {
      dev.ember.sql.optimizer.JoinReorderSettings.validate(canonical, value);
    }
    if (canonical.equals(EmberSession.SHUFFLE_PARTITIONS)) {
      boolean positive;
      try {
        positive = Integer.parseInt(value.trim()) > 0;
      } catch (NumberFormatException e) {
        positive = false;
      }
      if (!positive) {
        throw new AnalysisException("INVALID_CONF_VALUE.TYPE_MISMATCH", Map.of("confName", key,
            "confValue", value, "confType", "positive int"));
      }
    }
  }

  private static Dataset<Row> showTables(EmberSession session, ShowTablesCommand show) {
    String database = show.namespace() == null ? session.catalog().currentDatabase() : show.namespace();
    session.warehouseCatalog().requireDatabase(database, show.namespaceOrigin());
    List<List<Object>> rows = new ArrayList<>();
    for (Catalog.TableEntry table : session.catalog().tables(database, show.pattern(), !show.viewsOnly())) {
      rows.add(List.of(table.database(), table.name(), table.isTemporary()));
    }
    AttributeReference namespace = AttributeReference.create("namespace", DataTypes.StringType, false);
    AttributeReference name = AttributeReference.create(show.viewsOnly() ? "viewName" : "tableName",
        DataTypes.StringType, false);
    AttributeReference temporary = AttributeReference.create("isTemporary", DataTypes.BooleanType, false);
    return new Dataset<>(session, new LocalRelation(List.of(namespace, name, temporary), rows));
  }

  private static Dataset<Row> describe(EmberSession session, List<AttributeReference> columns) {
    List<List<Object>> rows = new ArrayList<>();
    for (AttributeReference column : columns) {
      rows.add(Arrays.asList(column.name(), column.dataType().simpleString(), null));
    }
    AttributeReference name = AttributeReference.create("col_name", DataTypes.StringType, false);
    AttributeReference type = AttributeReference.create("data_type", DataTypes.StringType, false);
    AttributeReference comment = AttributeReference.create("comment", DataTypes.StringType, true);
    return new Dataset<>(session, new LocalRelation(List.of(name, type, comment), rows));
  }

  private static Dataset<Row> cacheTable(EmberSession session, CacheTableCommand cache) {
    String name = viewName(cache.name(), cache.origin());
    if (cache.query() != null) {
      session.sessionCatalog().createTempView(name, session.analyzer().analyze(cache.query()), false);
    }
    LogicalPlan view = session.catalog().relation(name, cache.origin());
    var relation = session.cacheQuery(view, StorageLevel.MEMORY_AND_DISK);
    if (!cache.lazy()) {
      // Spark's CACHE TABLE is eager: compute and store every partition now.
      relation.cachedBatches().batches(session.executionContext()).count();
    }
    return empty(session);
  }

  /** The view name; temporary views have one part (a database qualifier other than default is an error). */
  private static String viewName(List<String> name, Origin origin) {
    if (name.size() == 2 && name.get(0).equalsIgnoreCase(Catalog.DEFAULT_DATABASE)) {
      return name.get(1);
    }
    if (name.size() != 1) {
      throw Catalog.notFound(name, origin);
    }
    return name.get(0);
  }

  private static Dataset<Row> local(EmberSession session, List<String> names, List<List<Object>> rows) {
    List<AttributeReference> output = new ArrayList<>();
    for (String n : names) {
      output.add(AttributeReference.create(n, DataTypes.StringType, true));
    }
    return new Dataset<>(session, new LocalRelation(output, rows));
  }

  private static Dataset<Row> empty(EmberSession session) {
    return new Dataset<>(session, new LocalRelation(List.of(), List.of()));
  }
}

package dev.ember.sql.analysis;

import dev.ember.sql.AnalysisException;
import dev.ember.sql.plan.LogicalPlan;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The temporary views of one session, by case-insensitive name (Spark's default). Views hold analyzed plans.
 * Persistent tables of the warehouse are reached through {@link #usePersistentTables}; a name resolves to a
 * temporary view first, then to a table, as in Spark.
 */
public final class SessionCatalog {

  private final Map<String, LogicalPlan> tempViews = new ConcurrentHashMap<>();
  private volatile Function<List<String>, Optional<LogicalPlan>> tableRelations = name -> Optional.empty();
  private volatile Supplier<List<String>> tableNames = List::of;

  /** Registers {@code plan} as view {@code name}; fails if it exists and {@code replace} is false. */
  public void createTempView(String name, LogicalPlan plan, boolean replace) {
    String key = name.toLowerCase(Locale.ROOT);
    if (!replace && tempViews.containsKey(key)) {
      throw new AnalysisException("TABLE_OR_VIEW_ALREADY_EXISTS", Map.of("relationName", "`" + name + "`"));
    }
    tempViews.put(key, plan);
  }

  /** The view named {@code name}, if any. */
  public Optional<LogicalPlan> lookupTempView(String name) {
    return Optional.ofNullable(tempViews.get(name.toLowerCase(Locale.ROOT)));
  }

  /** Drops view {@code name}; whether it existed. */
  public boolean dropTempView(String name) {
    return tempViews.remove(name.toLowerCase(Locale.ROOT)) != null;
  }

  /** The view names, sorted. */
  public List<String> listTempViews() {
    return List.copyOf(new TreeSet<>(tempViews.keySet()));
  }

  /**
   * Makes the persistent tables visible: {@code relations} gives the scan of a table by name parts (empty when
   * there is none), {@code names} lists the tables.
   */
  public void usePersistentTables(Function<List<String>, Optional<LogicalPlan>> relations,
      Supplier<List<String>> names) {
    this.tableRelations = relations;
    this.tableNames = names;
  }

  /** The persistent table named {@code nameParts} as a plan, if there is one. */
  public Optional<LogicalPlan> lookupTable(List<String> nameParts) {
    return tableRelations.apply(nameParts);
  }

  /** The persistent table names, sorted (what SHOW TABLES lists besides the temporary views). */
  public List<String> listTables() {
    return tableNames.get();
  }
}

package dev.ember.sql;

import dev.ember.sql.execution.adaptive.AdaptiveJoinSettings;
import dev.ember.sql.execution.adaptive.AdaptiveSettings;
import dev.ember.EmberConf;
import dev.ember.sql.execution.join.JoinSelection;
import dev.ember.EmberContext;
import dev.ember.sql.analysis.Analyzer;
import dev.ember.sql.analysis.SessionCatalog;
import dev.ember.sql.execution.ExecutionContext;
import dev.ember.sql.execution.QueryPlanner;
import dev.ember.sql.execution.columnar.CacheManager;
import dev.ember.sql.execution.columnar.InMemoryRelation;
import dev.ember.sql.optimizer.Optimizer;
import dev.ember.sql.parser.SqlParser;
import dev.ember.sql.plan.Command;
import dev.ember.sql.plan.CreateTempView;
import dev.ember.sql.plan.ExplainCommand;
import dev.ember.sql.plan.LocalRelation;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.UnresolvedRelation;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Origin;
import dev.ember.sql.sources.DataFrameReader;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import dev.ember.storage.StorageLevel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The entry point of Ember SQL, as SparkSession is Spark's: it runs SQL, builds DataFrames and holds the
 * session's temporary views, over one {@link EmberContext}.
 *
 * <pre>{@code
 * EmberSession session = EmberSession.builder().master("local[2]").appName("demo").getOrCreate();
 * session.sql("SELECT 1 AS one").show();
 * session.stop();
 * }</pre>
 */
public final class EmberSession implements AutoCloseable {

  /** {@code spark.sql.shuffle.partitions}; defaults to the context's default parallelism (not Spark's 200,
   *  since partitions are not coalesced yet). */
  public static final String SHUFFLE_PARTITIONS = "ember.sql.shuffle.partitions";
  /** The largest LIMIT over an ORDER BY planned as a top-n in memory rather than a sort. */
  static final String TOP_K_THRESHOLD = "ember.sql.execution.topKSortFallbackThreshold";
  /** {@code spark.sql.optimizer.excludedRules}: comma-separated optimizer rules to skip. */
  public static final String EXCLUDED_RULES = "ember.sql.optimizer.excludedRules";

  /** {@code spark.sql.autoBroadcastJoinThreshold}: the largest estimated size of a broadcast join side, in
   *  bytes (default 10 MB); -1 disables broadcast joins. */
  public static final String AUTO_BROADCAST_JOIN_THRESHOLD = JoinSelection.BROADCAST_THRESHOLD_KEY;

  /** {@code spark.sql.ansi.enabled}: overflow, division by zero and bad casts fail instead of giving NULL. */
  public static final String ANSI_ENABLED = "ember.sql.ansi.enabled";
  /** {@code spark.sql.session.timeZone}: the zone timestamps are read and shown in; the JVM's by default. */
  public static final String SESSION_TIME_ZONE = "ember.sql.session.timeZone";

  private static EmberSession active;

  private final EmberContext emberContext;
  private final SessionCatalog catalog = new SessionCatalog();
  private final dev.ember.sql.catalog.WarehouseCatalog warehouse;
  private final Analyzer analyzer = new Analyzer(catalog, name -> DataFrameReader.directFileQuery(this, name));
  private final Catalog userCatalog = new Catalog(this);
  private final CacheManager cacheManager = new CacheManager();
  private final UDFRegistration udfRegistration = new UDFRegistration();
  private final Optimizer optimizer;
  private final int shufflePartitions;
  private final String defaultTimeZone;
  private final RuntimeConfig runtimeConfig;

  private EmberSession(EmberContext emberContext) {
    this.emberContext = emberContext;
    EmberConf conf = emberContext.getConf();
    this.defaultTimeZone = java.time.ZoneId.systemDefault().getId();
    analyzer.useSessionSettings(this::sessionSettings);
    analyzer.useShufflePartitions(this::shufflePartitions);
    this.warehouse = new dev.ember.sql.catalog.WarehouseCatalog(conf, emberContext.defaultParallelism());
    catalog.usePersistentTables(warehouse::relation, warehouse::listTables);
    this.shufflePartitions = conf.getInt(SHUFFLE_PARTITIONS, emberContext.defaultParallelism());
    Set<String> excluded = new HashSet<>();
    for (String rule : conf.get(EXCLUDED_RULES, "").split(",")) {
      if (!rule.isBlank()) {
        excluded.add(rule.trim());
      }
    }
    this.optimizer = new Optimizer(excluded);
    this.runtimeConfig = new RuntimeConfig(conf);
  }

  /** A builder of the session. */
  public static Builder builder() {
    return new Builder();
  }

  /** The core context under this session (Spark's {@code sparkContext()}). */
  public EmberContext emberContext() {
    return emberContext;
  }

  /** The session's catalog: tables and views, their columns and their caching (Spark's {@code catalog()}). */
  public Catalog catalog() {
    return userCatalog;
  }

  /** The internal catalog of temporary views and tables that queries resolve names against; not a stable API. */
  public SessionCatalog sessionCatalog() {
    return catalog;
  }

  /** The persistent tables of the warehouse directory ({@code spark.sql.warehouse.dir}). */
  public dev.ember.sql.catalog.WarehouseCatalog warehouseCatalog() {
    return warehouse;
  }

  /** The settings a query is analyzed with (ANSI mode, time zone, its start time), as SET left them. */
  private dev.ember.sql.analysis.SessionSettings sessionSettings() {
    boolean ansi = Boolean.parseBoolean(runtimeConfig.get(ANSI_ENABLED, "false").trim());
    return new dev.ember.sql.analysis.SessionSettings(ansi, sessionTimeZone(),
        dev.ember.sql.analysis.SessionSettings.nowMicros(), warehouse.currentDatabase());
  }

  /** The session time zone id ({@code spark.sql.session.timeZone}). */
  public String sessionTimeZone() {
    return runtimeConfig.get(SESSION_TIME_ZONE, defaultTimeZone);
  }

  /** The session's user-defined functions: {@code session.udf().register("f", lambda, type)}. */
  public UDFRegistration udf() {
    return udfRegistration;
  }

  /** Registers a temporary view; a replaced view's cached data is dropped, as Spark does. */
  void createTempView(String name, LogicalPlan plan, boolean replace) {
    LogicalPlan previous = catalog.lookupTempView(name).orElse(null);
    catalog.createTempView(name, plan, replace);
    if (previous != null && !previous.equals(plan)) {
      cacheManager.uncache(previous);
    }
  }

  CacheManager cacheManager() {
    return cacheManager;
  }

  /** Caches the analyzed {@code plan} at {@code level} (lazily: computed by the first query using it). */
  InMemoryRelation cacheQuery(LogicalPlan plan, StorageLevel level) {
    return cacheManager.cache(plan, level, p -> planner().plan(optimizer.optimize(p)));
  }

  ExecutionContext executionContext() {
    return new ExecutionContext(emberContext, shufflePartitions());
  }

  Analyzer analyzer() {
    return analyzer;
  }

  Optimizer optimizer() {
    return optimizer;
  }

  /** How the optimizer reorders joins by cost, from the session's current settings. */
  dev.ember.sql.optimizer.JoinReorderSettings joinReorderSettings() {
    EmberConf settings = new EmberConf(false);
    runtimeConfig.getAll().forEach(settings::set);
    return dev.ember.sql.optimizer.JoinReorderSettings.fromConf(settings);
  }

  /** Where the optimizer places runtime join filters, from the session's current settings. */
  dev.ember.sql.optimizer.RuntimeFilterSettings runtimeFilterSettings() {
    EmberConf settings = new EmberConf(false);
    runtimeConfig.getAll().forEach(settings::set);
    return dev.ember.sql.optimizer.RuntimeFilterSettings.fromConf(settings);
  }

  QueryPlanner planner() {
    // Built per query so that SET spark.sql.shuffle.partitions (or a join setting) takes effect on the next query.
    EmberConf settings = new EmberConf(false);
    runtimeConfig.getAll().forEach(settings::set);
    return new QueryPlanner(emberContext.defaultParallelism(), shufflePartitions(), JoinSelection.fromConf(settings),
        AdaptiveSettings.fromConf(settings, emberContext.defaultParallelism()),
        AdaptiveJoinSettings.fromConf(settings))
        .withTopKThreshold(settings.getInt(TOP_K_THRESHOLD, QueryPlanner.DEFAULT_TOP_K_THRESHOLD))
        .withPartialAggregationSkip(dev.ember.sql.execution.aggregate.PartialAggregationSkip.fromConf(settings));
  }

  int shufflePartitions() {
    return runtimeConfig.getInt(SHUFFLE_PARTITIONS, shufflePartitions);
  }

  /** The session's runtime configuration (Spark's {@code spark.conf()}). */
  public RuntimeConfig conf() {
    return runtimeConfig;
  }

  /**
   * Runs one SQL statement. A query returns its (lazy) result; CREATE TEMPORARY VIEW registers the view and
   * returns an empty DataFrame; EXPLAIN returns one row with the plan.
   */
  public Dataset<Row> sql(String sqlText) {
    LogicalPlan parsed = new SqlParser().parsePlan(sqlText);
    if (parsed instanceof CreateTempView create) {
      LogicalPlan view = analyzer.analyze(create.child());
      createTempView(create.name(), view, create.replace());
      return new Dataset<>(this, new LocalRelation(List.of(), List.of()));
    }
    if (dev.ember.sql.catalog.TableCommands.handles(parsed)) {
      dev.ember.sql.catalog.TableCommands.run(this, parsed);
      return new Dataset<>(this, new LocalRelation(List.of(), List.of()));
    }
    if (parsed instanceof Command command) {
      return CommandRunner.run(this, command);
    }
    if (parsed instanceof ExplainCommand explain) {
      String text = new QueryExecution(this, explain.child()).explainString(explain.mode());
      AttributeReference plan = AttributeReference.create("plan", DataTypes.StringType, false);
      return new Dataset<>(this, new LocalRelation(List.of(plan), List.of(List.of(text))));
    }
    return new Dataset<>(this, parsed);
  }

  /** A DataFrame of {@code rows}, whose values must match {@code schema}'s types. */
  public Dataset<Row> createDataFrame(List<Row> rows, StructType schema) {
    List<AttributeReference> output = new ArrayList<>();
    for (StructField field : schema) {
      output.add(AttributeReference.create(field.name(), field.dataType(), field.nullable()));
    }
    List<List<Object>> data = new ArrayList<>(rows.size());
    for (Row row : rows) {
      data.add(RowConversion.toInternal(row, schema));
    }
    return new Dataset<>(this, new LocalRelation(output, data));
  }

  /** A Dataset of {@code data}, each element encoded with {@code encoder} (now, on the driver). */
  public <T> Dataset<T> createDataset(List<T> data, Encoder<T> encoder) {
    dev.ember.sql.encoders.ExpressionEncoder<T> enc = dev.ember.sql.encoders.ExpressionEncoder.of(encoder);
    List<List<Object>> rows = new ArrayList<>(data.size());
    for (T value : data) {
      rows.add(Arrays.asList(enc.toRow(value)));
    }
    return new Dataset<>(this, new LocalRelation(TypedOperations.attributes(enc), rows), enc);
  }

  /** A Dataset of the elements of {@code rdd}, encoded with {@code encoder} in its tasks. */
  public <T> Dataset<T> createDataset(dev.ember.rdd.RDD<T> rdd, Encoder<T> encoder) {
    dev.ember.sql.encoders.ExpressionEncoder<T> enc = dev.ember.sql.encoders.ExpressionEncoder.of(encoder);
    return new Dataset<>(this, new dev.ember.sql.plan.objects.ExternalRDD(rdd, enc, TypedOperations.attributes(enc)),
        enc);
  }

  /** A DataFrame of the rows of {@code rdd}, whose values must match {@code schema}'s types. */
  public Dataset<Row> createDataFrame(dev.ember.rdd.RDD<Row> rdd, StructType schema) {
    return createDataset(rdd, Encoders.row(schema)).toDF();
  }

  /** A DataFrame of the Java beans {@code data}, one column per property of {@code beanClass}, sorted by name. */
  @SuppressWarnings("unchecked")
  public Dataset<Row> createDataFrame(List<?> data, Class<?> beanClass) {
    if (!JavaBeans.isFullBean(beanClass)) {
      // Spark reads these through their getters alone: no setters or no-argument constructor needed.
      return JavaBeans.createDataFrame(this, data, beanClass);
    }
    return createDataset((List<Object>) data, (Encoder<Object>) Encoders.bean(beanClass)).toDF();
  }

  /** A DataFrame of the Java beans of {@code rdd}, one column per property of {@code beanClass}. */
  @SuppressWarnings("unchecked")
  public Dataset<Row> createDataFrame(dev.ember.rdd.RDD<?> rdd, Class<?> beanClass) {
    return createDataset((dev.ember.rdd.RDD<Object>) rdd, (Encoder<Object>) Encoders.bean(beanClass)).toDF();
  }

  /** A reader loading files as DataFrames: {@code session.read().option("header", "true").csv("x.csv")}. */
  public DataFrameReader read() {
    return new DataFrameReader(this);
  }

  /** The temporary view or persistent table named {@code name} as a DataFrame. */
  public Dataset<Row> table(String name) {
    return new Dataset<>(this, new UnresolvedRelation(Arrays.asList(name.split("\\.")), Origin.NONE));
  }

  /** Stops the session and its context. */
  public void stop() {
    synchronized (EmberSession.class) {
      if (active == this) {
        active = null;
      }
    }
    emberContext.stop();
  }

  @Override
  public void close() {
    stop();
  }

  /** Builds or returns the active session, as SparkSession.Builder does. */
  public static final class Builder {
    private final Map<String, String> options = new LinkedHashMap<>();

    private Builder() {}

    /** The master URL, e.g. {@code local[2]}. */
    public Builder master(String master) {
      return config("ember.master", master);
    }

    /** The application name. */
    public Builder appName(String name) {
      return config("ember.app.name", name);
    }

    /** Any {@code ember.*} or {@code spark.*} setting. */
    public Builder config(String key, String value) {
      options.put(key, value);
      return this;
    }

    /** Any setting, from a number. */
    public Builder config(String key, long value) {
      return config(key, String.valueOf(value));
    }

    /** The active session if one is running, else a new one over the running or a new context. */
    public EmberSession getOrCreate() {
      synchronized (EmberSession.class) {
        if (active != null && !active.emberContext.isStopped()) {
          return active;
        }
        EmberContext running = EmberContext.getActive().filter(c -> !c.isStopped()).orElse(null);
        EmberContext context = running;
        if (context == null) {
          EmberConf conf = new EmberConf();
          options.forEach(conf::set);
          context = new EmberContext(conf);
        }
        try {
          active = new EmberSession(context);
        } catch (RuntimeException e) {
          if (running == null) {
            context.stop();
          }
          throw e;
        }
        return active;
      }
    }
  }
}

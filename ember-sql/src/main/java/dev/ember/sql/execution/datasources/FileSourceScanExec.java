package dev.ember.sql.execution.datasources;

import dev.ember.io.CompressionCodec;
import dev.ember.rdd.RDD;
import dev.ember.rdd.io.FileSplit;
import dev.ember.sql.execution.ExecutionContext;
import dev.ember.sql.execution.ExplainStrings;
import dev.ember.sql.execution.Partitioning;
import dev.ember.sql.execution.PhysicalPlan;
import dev.ember.sql.execution.expressions.BindReferences;
import dev.ember.sql.execution.expressions.VectorizedEvaluator;
import dev.ember.sql.execution.vector.BooleanColumnVector;
import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.ColumnVectors;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.plan.expressions.And;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import dev.ember.util.LongAccumulator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the files of a {@link LogicalRelation} (Spark's {@code FileSourceScanExec}): prunes partition
 * directories with the filters on partition columns, cuts the remaining files into splits of at most
 * {@code spark.sql.files.maxPartitionBytes} (where the format can split them) packed into tasks, and reads each
 * split through the format with the columns and filters the query needs.
 */
public final class FileSourceScanExec extends PhysicalPlan {

  private static final long serialVersionUID = 1L;
  private final LogicalRelation scan;
  private final List<Expression> partitionFilters;
  private final List<Expression> dataFilters;
  private final List<SourceFilter> pushedFilters;
  /** The conjuncts the reader applies exactly, in place of a filter above the scan; empty when there is one. */
  private final List<Expression> appliedFilters;
  /** Output columns read only by {@link #appliedFilters} and dropped above, which the reader need not make. */
  private final Set<AttributeReference> filterOnlyColumns;
  private transient List<List<FileScanRDD.ScanFile>> taskFiles;
  private transient Map<String, LongAccumulator> metrics;

  /** A scan of {@code scan}'s files. */
  public FileSourceScanExec(LogicalRelation scan) {
    this(scan, List.of());
  }

  private FileSourceScanExec(LogicalRelation scan, List<Expression> appliedFilters) {
    this(scan, appliedFilters, Set.of());
  }

  private FileSourceScanExec(LogicalRelation scan, List<Expression> appliedFilters,
      Set<AttributeReference> filterOnlyColumns) {
    this.scan = scan;
    this.appliedFilters = List.copyOf(appliedFilters);
    this.filterOnlyColumns = Set.copyOf(filterOnlyColumns);
    Set<AttributeReference> partitionColumns = new HashSet<>(partitionAttributes());
    List<Expression> onPartitions = new ArrayList<>();
    List<Expression> onData = new ArrayList<>();
    for (Expression filter : scan.pushedFilters()) {
      Set<AttributeReference> references = filter.references();
      if (!references.isEmpty() && partitionColumns.containsAll(references)) {
        onPartitions.add(filter);
      } else {
        onData.add(filter);
      }
    }
    this.partitionFilters = List.copyOf(onPartitions);
    this.dataFilters = List.copyOf(onData);
    this.pushedFilters = FilterTranslator.translateAll(onData.stream()
        .filter(f -> java.util.Collections.disjoint(f.references(), partitionColumns)).toList());
  }

  /**
   * The scan of {@code scan} that returns only the rows for which every conjunct of {@code condition} is TRUE,
   * when its format can apply them all exactly while it reads ({@link FileFormat#appliesRowFiltersExactly}) and
   * each is a data filter the reader may evaluate row by row ({@link ScanRowPredicates}); the filter above the
   * scan is then left out of the plan. Empty when some conjunct must stay in a filter.
   */
  public static java.util.Optional<FileSourceScanExec> applyingFilter(LogicalRelation scan, Expression condition) {
    if (!scan.relation().format().appliesRowFiltersExactly()) {
      return java.util.Optional.empty();
    }
    FileSourceScanExec plain = new FileSourceScanExec(scan);
    List<Expression> conjuncts = FilterTranslator.conjuncts(condition);
    List<AttributeReference> dataAttributes =
        scan.fullOutput().subList(0, scan.relation().dataSchema().length());
    for (Expression conjunct : conjuncts) {
      if (!plain.dataFilters.contains(conjunct) || conjunct.references().isEmpty()
          || !dataAttributes.containsAll(conjunct.references()) || !ScanRowPredicates.canEvaluateInScan(conjunct)) {
        return java.util.Optional.empty();
      }
    }
    return java.util.Optional.of(new FileSourceScanExec(scan, conjuncts));
  }

  /**
   * This scan, told that of its output only {@code used} is read above it (by a projection directly on it): the
   * other columns, when only the filters it applies read them, may come back as NULLs (a format testing them
   * without making their values does not make them). A scan applying no filter is returned as is.
   */
  public FileSourceScanExec withColumnsUsedAbove(Set<AttributeReference> used) {
    if (appliedFilters.isEmpty()) {
      return this;
    }
    Set<AttributeReference> unused = new HashSet<>();
    for (AttributeReference column : scan.output()) {
      if (!used.contains(column)) {
        unused.add(column);
      }
    }
    return unused.isEmpty() ? this : new FileSourceScanExec(scan, appliedFilters, unused);
  }

  /**
   * This scan with {@code predicate}, a data filter built at run time (a join's keys, known once its build side
   * is materialized), as one more pushed filter: the reader evaluates it while it decodes and skips row groups
   * by its range, as it does a runtime filter planned before the query ran. The filters it applies exactly and
   * the columns only they read stay as they are.
   */
  public FileSourceScanExec withDynamicFilter(Expression predicate) {
    List<Expression> filters = new ArrayList<>(scan.pushedFilters());
    filters.add(predicate);
    return new FileSourceScanExec(scan.withPushedFilters(filters), appliedFilters, filterOnlyColumns);
  }

  /** The relation read, with the filters pushed into it. */
  public LogicalRelation relation() {
    return scan;
  }

  /** The output columns only the applied filters read, which the reader may return as NULLs. */
  public Set<AttributeReference> filterOnlyColumns() {
    return filterOnlyColumns;
  }

  private List<AttributeReference> partitionAttributes() {
    int dataColumns = scan.relation().dataSchema().length();
    return scan.fullOutput().subList(dataColumns, scan.fullOutput().size());
  }

  @Override
  public List<PhysicalPlan> children() {
    return List.of();
  }

  @Override
  public PhysicalPlan withNewChildren(List<PhysicalPlan> newChildren) {
    return this;
  }

  @Override
  public List<AttributeReference> output() {
    return scan.output();
  }

  @Override
  public Partitioning outputPartitioning() {
    int n = Math.max(1, taskFiles().size());
    return n == 1 ? new Partitioning.Single() : new Partitioning.Unknown(n);
  }

  /** The filters on data columns handed to the format, as EXPLAIN shows them. */
  public List<SourceFilter> pushedFilters() {
    return pushedFilters;
  }

  /** The partition directories left after pruning. */
  public List<PartitionDirectory> selectedPartitions() {
    List<PartitionDirectory> all = scan.relation().location().partitions();
    if (partitionFilters.isEmpty() || all.isEmpty()) {
      return all;
    }
    List<AttributeReference> columns = partitionAttributes();
    ColumnVector[] vectors = new ColumnVector[columns.size()];
    for (int c = 0; c < vectors.length; c++) {
      List<Object> values = new ArrayList<>();
      for (PartitionDirectory partition : all) {
        values.add(partition.values().get(c));
      }
      vectors[c] = ColumnVectors.of(columns.get(c).dataType(), values);
    }
    Expression condition = partitionFilters.stream().reduce(And::new).orElseThrow();
    ColumnVector keep = VectorizedEvaluator.evaluate(BindReferences.bind(condition, columns),
        new ColumnarBatch(vectors, all.size()));
    List<PartitionDirectory> selected = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      BooleanColumnVector k = (BooleanColumnVector) keep;
      if (!k.nulls[i] && k.values[i]) {
        selected.add(all.get(i));
      }
    }
    return selected;
  }

  private synchronized List<List<FileScanRDD.ScanFile>> taskFiles() {
    if (taskFiles == null) {
      taskFiles = planTasks();
    }
    return taskFiles;
  }

  /** Splits and packs the files as Spark's {@code FilePartition.getFilePartitions} does. */
  private List<List<FileScanRDD.ScanFile>> planTasks() {
    FileRelation relation = scan.relation();
    ScanSettings settings = relation.settings();
    List<PartitionDirectory> partitions = selectedPartitions();
    long total = 0;
    for (PartitionDirectory partition : partitions) {
      for (PartitionedFile file : partition.files()) {
        total += file.size() + settings.openCostInBytes();
      }
    }
    long bytesPerCore = total / Math.max(1, settings.minPartitions());
    long maxSplit = Math.min(settings.maxPartitionBytes(), Math.max(settings.openCostInBytes(), bytesPerCore));
    boolean formatSplits = relation.format().isSplittable(relation.options());
    List<FileScanRDD.ScanFile> splits = new ArrayList<>();
    for (PartitionDirectory partition : partitions) {
      for (PartitionedFile file : partition.files()) {
        boolean splittable = formatSplits && CompressionCodec.forFileName(file.path()).isEmpty();
        if (!splittable || file.size() <= maxSplit) {
          splits.add(new FileScanRDD.ScanFile(new FileSplit(file.path(), 0, file.size(), splittable),
              partition.values()));
          continue;
        }
        for (long start = 0; start < file.size(); start += maxSplit) {
          long length = Math.min(maxSplit, file.size() - start);
          splits.add(new FileScanRDD.ScanFile(new FileSplit(file.path(), start, length, true), partition.values()));
        }
      }
    }
    splits.sort(Comparator.comparingLong((FileScanRDD.ScanFile f) -> f.split().length()).reversed());
    List<List<FileScanRDD.ScanFile>> tasks = new ArrayList<>();
    List<FileScanRDD.ScanFile> current = new ArrayList<>();
    long currentSize = 0;
    for (FileScanRDD.ScanFile split : splits) {
      if (!current.isEmpty() && currentSize + split.split().length() > maxSplit) {
        tasks.add(current);
        current = new ArrayList<>();
        currentSize = 0;
      }
      current.add(split);
      currentSize += split.split().length() + settings.openCostInBytes();
    }
    if (!current.isEmpty()) {
      tasks.add(current);
    }
    return tasks;
  }

  @Override
  public RDD<ColumnarBatch> execute(ExecutionContext context) {
    FileRelation relation = scan.relation();
    List<AttributeReference> dataAttributes = scan.fullOutput().subList(0, relation.dataSchema().length());
    List<AttributeReference> partitionAttributes = partitionAttributes();
    List<StructField> required = new ArrayList<>();
    int[] sources = new int[scan.output().size()];
    for (int c = 0; c < sources.length; c++) {
      AttributeReference column = scan.output().get(c);
      int d = dataAttributes.indexOf(column);
      if (d >= 0) {
        sources[c] = required.size();
        required.add(relation.dataSchema().apply(d));
      } else {
        sources[c] = -1 - partitionAttributes.indexOf(column);
      }
    }
    List<Expression> rowFilters = rowFilters(dataAttributes, required.size());
    boolean exact = !appliedFilters.isEmpty();
    List<Expression> rowConjuncts = new ArrayList<>();
    for (Expression filter : rowFilters) {
      rowConjuncts.addAll(FilterTranslator.conjuncts(filter));
    }
    if (exact && !rowConjuncts.containsAll(BindReferences.bindAll(appliedFilters, readAttributes(dataAttributes)))) {
      throw new IllegalStateException("The scan cannot apply its filters " + appliedFilters
          + "; this is a bug, please report it");
    }
    List<AttributeReference> read = readAttributes(dataAttributes);
    boolean[] filterOnly = new boolean[read.size()];
    for (int c = 0; c < filterOnly.length; c++) {
      filterOnly[c] = filterOnlyColumns.contains(read.get(c));
    }
    FileReader reader = relation.format().createReader(relation.dataSchema(), new StructType(required),
        pushedFilters, rowFilters, exact, filterOnly, relation.options());
    Map<String, LongAccumulator> counters = new LinkedHashMap<>();
    for (String name : List.of("numFiles", "numRowGroups", "numOutputRows")) {
      LongAccumulator accumulator = new LongAccumulator();
      context.emberContext().register(accumulator, name);
      counters.put(name, accumulator);
    }
    synchronized (this) {
      metrics = counters;
    }
    ScanMetrics scanMetrics = new ScanMetrics(counters.get("numFiles"), counters.get("numRowGroups"),
        counters.get("numOutputRows"));
    List<DataType> partitionTypes = relation.partitionSchema().fieldList().stream().map(StructField::dataType).toList();
    List<List<FileScanRDD.ScanFile>> tasks = taskFiles();
    if (tasks.isEmpty()) {
      tasks = List.of(List.of());
    }
    return new FileScanRDD(context.emberContext(), tasks, reader, sources, partitionTypes, scanMetrics);
  }

  /**
   * The data filters a reader may apply row by row, bound to the columns it reads: those on columns it reads
   * that are deterministic and cannot fail ({@link ScanRowPredicates}), in {@link ScanConjunctOrder}.
   */
  private List<Expression> rowFilters(List<AttributeReference> dataAttributes, int requiredColumns) {
    List<AttributeReference> read = readAttributes(dataAttributes);
    List<Expression> bound = new ArrayList<>();
    List<Expression> ordered = ScanConjunctOrder.order(dataFilters, scan.fileStatistics());
    for (Expression filter : ordered) {
      if (!filter.references().isEmpty() && read.containsAll(filter.references())
          && ScanRowPredicates.canEvaluateInScan(filter)) {
        bound.add(BindReferences.bind(filter, read));
      }
    }
    return read.size() == requiredColumns ? bound : List.of();
  }

  private List<AttributeReference> readAttributes(List<AttributeReference> dataAttributes) {
    List<AttributeReference> read = new ArrayList<>();
    for (AttributeReference column : scan.output()) {
      if (dataAttributes.contains(column)) {
        read.add(column);
      }
    }
    return read;
  }

  /**
   * The counters of the last execution: {@code numFiles} (splits opened), {@code numRowGroups} (Parquet row
   * groups decoded) and {@code numOutputRows}; zero before the scan ran.
   */
  public synchronized long metric(String name) {
    LongAccumulator accumulator = metrics == null ? null : metrics.get(name);
    return accumulator == null ? 0 : accumulator.sum();
  }

  @Override
  public String simpleString() {
    FileRelation relation = scan.relation();
    String format = relation.format().shortName();
    StringBuilder read = new StringBuilder("struct<");
    List<AttributeReference> dataAttributes = scan.fullOutput().subList(0, relation.dataSchema().length());
    boolean first = true;
    for (AttributeReference column : scan.output()) {
      if (dataAttributes.contains(column)) {
        read.append(first ? "" : ",").append(column.name()).append(':').append(column.dataType().simpleString());
        first = false;
      }
    }
    read.append('>');
    return "FileScan " + format + " [" + String.join(",", scan.output().stream().map(Object::toString).toList())
        + "] Batched: true, DataFilters: " + ExplainStrings.list(dataFilters) + ", Format: "
        + displayName(format) + ", Location: " + relation.location() + ", PartitionFilters: "
        + ExplainStrings.list(partitionFilters) + ", PushedFilters: " + pushedFilters + ", ReadSchema: " + read
        + (appliedFilters.isEmpty() ? "" : ", AppliedFilters: " + ExplainStrings.list(appliedFilters));
  }

  private static String displayName(String format) {
    return switch (format.toLowerCase(Locale.ROOT)) {
      case "parquet" -> "Parquet";
      case "csv" -> "CSV";
      case "json" -> "JSON";
      case "text" -> "Text";
      default -> format;
    };
  }
}

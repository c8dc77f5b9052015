package dev.ember.sql.execution.datasources.parquet;

import dev.ember.TaskContext;
import dev.ember.rdd.io.FileSplit;
import dev.ember.sql.AnalysisException;
import dev.ember.sql.execution.datasources.ScanMetrics;
import dev.ember.sql.execution.datasources.SourceFilter;
import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.ColumnVectors;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.execution.vector.DecimalColumnVector;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.SeekableInputStream;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * Reads the row groups of one split of a Parquet file (those whose midpoint lies in the split, so splits of one
 * file read each row group once) straight into Ember's column vectors, one {@link ParquetColumnDecoder} per
 * column decoding its pages: only the required columns' chunks are read, row groups the pushed filters rule out
 * by statistics or dictionaries are skipped before any page is read, and values are decoded column by column
 * into primitive arrays without per-record objects. Nested columns (groups, repeated fields) are assembled into
 * records by {@link ParquetNestedColumns} from the same row groups. Columns missing from the file read as nulls.
 */
final class ParquetColumnarReader implements Iterator<ColumnarBatch> {

  private final ParquetFileReader reader;
  private final MessageType requested;
  private final StructType required;
  private final int[] fileColumn;
  private final ScanMetrics metrics;
  private final ParquetColumnDecoder[] decoders;
  /** The nested columns' reader (null when none is required), and each required column's index in it or -1. */
  private final ParquetNestedColumns nested;
  private final int[] nestedColumn;
  private long rowsLeftInGroup;
  /** The row group being read, closed (returning its buffers) before the next is read; null: none. */
  private PageReadStore rowGroup;
  private boolean closed;
  /** Conjuncts evaluated before the other columns are decoded (null: none), and the next batch they kept. */
  private final LateRowFilter rowFilter;
  /** Whether only the rows {@link #rowFilter} keeps are returned, even when it keeps most of a batch. */
  private final boolean exact;
  private ColumnarBatch pending;
  private int[] selected;
  private int[] scratch;
  /**
   * Per column the filter reads, the vector decoded for the last batch when only copies of its selected rows
   * left the reader, so the next batch decodes into it; null once the vector itself was handed out.
   */
  private ColumnVector[] filterScratch;
  /** Per column, the copy of its kept rows the vector filter made for a later conjunct (null: none). */
  private ColumnVector[] filterGathered;
  /** The conjuncts tested on string columns' bytes (null: none), and those evaluated on vectors (null: none). */
  private final Utf8ColumnFilters byteFilters;
  private final LateRowFilter vectorFilter;

  ParquetColumnarReader(FileSplit split, StructType required, List<SourceFilter> filters, TaskContext context,
      ScanMetrics metrics) throws IOException {
    this(split, required, filters, null, false, context, metrics);
  }

  /**
   * A reader that evaluates {@code rowFilter} (null for none) on the columns it reads as each batch is read,
   * decoding the other columns only for the rows it keeps and returning only those when it keeps at most half a
   * batch (never an empty batch); unless {@code exact}, a batch most of whose rows pass is returned whole.
   */
  ParquetColumnarReader(FileSplit split, StructType required, List<SourceFilter> filters, LateRowFilter rowFilter,
      boolean exact, TaskContext context, ScanMetrics metrics) throws IOException {
    this(split, required, filters, rowFilter, exact, null, context, metrics);
  }

  /**
   * A reader like the one above that, applying {@code rowFilter} exactly, never makes the Strings of a column
   * {@code filterOnly} marks (null: none) when its conjuncts can test its bytes: its values are returned as
   * NULLs, for a column read only for the filter and dropped above the scan.
   */
  ParquetColumnarReader(FileSplit split, StructType required, List<SourceFilter> filters, LateRowFilter rowFilter,
      boolean exact, boolean[] filterOnly, TaskContext context, ScanMetrics metrics) throws IOException {
    this.required = required;
    this.rowFilter = rowFilter;
    this.exact = exact;
    this.metrics = metrics;
    boolean pooled = ChunkBufferPool.enabled();
    InputFile input = pooled ? new ChannelInputFile(Paths.get(split.path()))
        : new LocalInputFile(Paths.get(split.path()));
    PlainParquetConfiguration conf = new PlainParquetConfiguration();
    ParquetPageCodecs codecs = ParquetPageCodecs.enabled() ? new ParquetPageCodecs(conf) : null;
    ParquetReadOptions.Builder options = readOptions(conf, split, filters, codecs);
    if (pooled) {
      options.withAllocator(ChunkBufferPool.THREAD_POOLS);
    }
    // One open stream serves the footer (when this process has not kept it) and the data: the filter needs the
    // file's schema from the footer, and the reader then skips row groups by it without reading it again.
    SeekableInputStream stream = input.newStream();
    try {
      ParquetMetadata footer = ParquetFooters.forRange(Paths.get(split.path()), input, stream, split.start(),
          split.end());
      MessageType fileSchema = footer.getFileMetaData().getSchema();
      ParquetFilters.toPredicate(filters, fileSchema).ifPresent(p -> options.withRecordFilter(FilterCompat.get(p)));
      this.reader = ParquetFileReader.open(input, footer, options.build(), stream);
    } catch (IOException | RuntimeException e) {
      stream.close();
      throw e;
    }
    MessageType fileSchema = reader.getFooter().getFileMetaData().getSchema();
    if (context != null) {
      context.addTaskCompletionListener(tc -> close());
    }
    List<Type> fields = new ArrayList<>();
    List<DataType> types = new ArrayList<>();
    List<Type> nestedFields = new ArrayList<>();
    List<DataType> nestedTypes = new ArrayList<>();
    this.fileColumn = new int[required.length()];
    this.nestedColumn = new int[required.length()];
    Arrays.fill(nestedColumn, -1);
    for (int c = 0; c < required.length(); c++) {
      StructField field = required.apply(c);
      Type type = findField(fileSchema, field.name());
      if (type == null) {
        fileColumn[c] = -1;
      } else {
        DataType stored = ParquetSchemas.toEmber(type);
        if (!stored.equals(field.dataType())) {
          // A schema read with spark.sql.parquet.binaryAsString, or one differing only in nullability.
          stored = ParquetNestedSchemas.readAs(type, stored, field.dataType());
        }
        if (!stored.equals(field.dataType())) {
          throw new AnalysisException("FAILED_READ_FILE.PARQUET_COLUMN_DATA_TYPE_MISMATCH", Map.of("path",
              "file:" + split.path(), "column", "[" + field.name() + "]", "expectedType",
              field.dataType().simpleString(), "actualType", type.toString().replaceAll("\\s+", " ").trim()));
        }
        if (ParquetNestedColumns.isNested(type)) {
          fileColumn[c] = -1;
          nestedColumn[c] = nestedFields.size();
          nestedFields.add(type);
          nestedTypes.add(stored);
        } else {
          fileColumn[c] = fields.size();
          fields.add(type);
          types.add(stored);
        }
      }
    }
    this.nested = nestedFields.isEmpty() ? null : new ParquetNestedColumns(fileSchema, nestedFields, nestedTypes);
    List<ColumnDescriptor> columns = new MessageType(fileSchema.getName(), fields).getColumns();
    fields.addAll(nestedFields);
    this.requested = new MessageType(fileSchema.getName(), fields);
    this.decoders = new ParquetColumnDecoder[columns.size()];
    for (int i = 0; i < decoders.length; i++) {
      decoders[i] = new ParquetColumnDecoder(columns.get(i), types.get(i));
      if (codecs != null) {
        decoders[i].decompressPagesWith(codecs);
      }
    }
    reader.setRequestedSchema(requested);
    this.byteFilters = rowFilter == null ? null
        : Utf8ColumnFilters.of(rowFilter, required.length(), fileColumn, decoders, exact ? filterOnly : null);
    this.vectorFilter = byteFilters == null ? rowFilter : byteFilters.rest();
  }

  private static ParquetReadOptions.Builder readOptions(PlainParquetConfiguration conf, FileSplit split,
      List<SourceFilter> filters, ParquetPageCodecs codecs) {
    ParquetReadOptions.Builder options = ParquetReadOptions.builder(conf)
        .withRange(split.start(), split.end())
        .useStatsFilter(true)
        .useDictionaryFilter(testsValues(filters))
        .useColumnIndexFilter(false)
        .useRecordFilter(false)
        .useBloomFilter(false);
    if (codecs != null) {
      options.withCodecFactory(codecs);
    }
    return options;
  }

  private boolean vectorFilterReads(int c) {
    return vectorFilter != null && vectorFilter.reads(c);
  }

  private static Type findField(MessageType schema, String name) {
    if (schema.containsField(name)) {
      return schema.getType(name);
    }
    for (Type field : schema.getFields()) {
      if (field.getName().equalsIgnoreCase(name)) {
        return field;
      }
    }
    return null;
  }

  @Override
  public boolean hasNext() {
    if (rowFilter == null) {
      return hasRows();
    }
    while (pending == null && hasRows()) {
      pending = nextFiltered();
    }
    return pending != null;
  }

  private boolean hasRows() {
    if (rowsLeftInGroup > 0) {
      return true;
    }
    if (closed) {
      return false;
    }
    try {
      closeRowGroup();
      rowGroup = reader.readNextRowGroup();
      while (rowGroup != null && rowGroup.getRowCount() == 0) {
        closeRowGroup();
        rowGroup = reader.readNextRowGroup();
      }
      if (rowGroup == null) {
        close();
        return false;
      }
      metrics.rowGroupsRead().add(1);
      rowsLeftInGroup = rowGroup.getRowCount();
      for (ParquetColumnDecoder decoder : decoders) {
        decoder.startRowGroup(rowGroup.getPageReader(decoder.descriptor()));
      }
      if (nested != null) {
        nested.startRowGroup(rowGroup);
      }
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read Parquet row group", e);
    }
  }

  /**
   * Whether a filter tests for particular values (=, <=>, IN), the only tests a row group's dictionary
   * decides better than its statistics; reading and expanding dictionaries only to confirm a range the
   * statistics already admit costs a dictionary page per row group and column.
   */
  static boolean testsValues(List<SourceFilter> filters) {
    for (SourceFilter filter : filters) {
      if (testsValues(filter)) {
        return true;
      }
    }
    return false;
  }

  private static boolean testsValues(SourceFilter filter) {
    if (filter instanceof SourceFilter.Compare c) {
      return c.comparison() == SourceFilter.Comparison.EqualTo
          || c.comparison() == SourceFilter.Comparison.EqualNullSafe;
    }
    if (filter instanceof SourceFilter.And and) {
      return testsValues(and.left()) || testsValues(and.right());
    }
    if (filter instanceof SourceFilter.Or or) {
      return testsValues(or.left()) || testsValues(or.right());
    }
    if (filter instanceof SourceFilter.Not not) {
      return testsValues(not.child());
    }
    return filter instanceof SourceFilter.In;
  }

  @Override
  public ColumnarBatch next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    if (rowFilter != null) {
      ColumnarBatch batch = pending;
      pending = null;
      return batch;
    }
    int rows = (int) Math.min(ColumnarBatch.MAX_ROWS, rowsLeftInGroup);
    rowsLeftInGroup -= rows;
    ColumnVector[] vectors = new ColumnVector[required.length()];
    ColumnVector[] nestedVectors = nested == null ? null : nested.decode(rows);
    for (int c = 0; c < vectors.length; c++) {
      DataType type = required.apply(c).dataType();
      if (nestedColumn[c] >= 0) {
        vectors[c] = nestedVectors[nestedColumn[c]];
      } else if (fileColumn[c] < 0) {
        vectors[c] = ColumnVectors.allocate(type, rows);
        Arrays.fill(vectors[c].nulls, true);
      } else {
        vectors[c] = decoders[fileColumn[c]].decode(rows);
      }
    }
    metrics.rowsRead().add(rows);
    return new ColumnarBatch(vectors, rows);
  }

  /**
   * Reads the next batch of the row group: the filtered columns whole, then the others for the rows the filter
   * keeps; null when it keeps none (the other columns' values are skipped). When it keeps most rows, the whole
   * batch, unfiltered.
   */
  private ColumnarBatch nextFiltered() {
    int rows = (int) Math.min(ColumnarBatch.MAX_ROWS, rowsLeftInGroup);
    rowsLeftInGroup -= rows;
    if (selected == null) {
      selected = new int[ColumnarBatch.MAX_ROWS];
      scratch = new int[ColumnarBatch.MAX_ROWS];
      filterScratch = new ColumnVector[required.length()];
      filterGathered = new ColumnVector[required.length()];
    }
    ColumnVector[] vectors = new ColumnVector[required.length()];
    ColumnVector[] nestedVectors = nested == null ? null : nested.decode(rows);
    for (int c = 0; c < vectors.length; c++) {
      if (vectorFilterReads(c)) {
        vectors[c] = fileColumn[c] >= 0 ? decoders[fileColumn[c]].decode(rows, filterScratch[c])
            : decodeWhole(c, rows, nestedVectors);
      }
    }
    int count = rows;
    if (vectorFilter != null) {
      count = vectorFilter.select(new ColumnarBatch(vectors, rows), selected, scratch, filterGathered);
    } else {
      for (int i = 0; i < rows; i++) {
        selected[i] = i;
      }
    }
    int vectorCount = count;
    if (byteFilters != null) {
      count = byteFilters.select(decoders, fileColumn, rows, selected, count, vectors);
    } else if (!exact && count > rows / 2) {
      // Most rows pass: decoding the rest whole and leaving the few failing rows to the filter above is
      // cheaper than picking the survivors out of every column.
      count = rows;
    }
    for (int c = 0; c < vectors.length; c++) {
      if (byteFilters != null && byteFilters.filters(c)) {
        vectors[c] = count == 0 ? null : byteFilters.output(c, vectors[c], selected, count);
      } else if (vectorFilterReads(c)) {
        // A decimal vector holding wide values keeps them in a side array that decoding would not clear.
        boolean reusable = fileColumn[c] >= 0 && count < rows
            && !(vectors[c] instanceof DecimalColumnVector d && d.hasWideValues());
        filterScratch[c] = reusable ? vectors[c] : null;
        if (count < rows) {
          // The filter's own copy of the kept rows serves when no byte test dropped rows after it.
          ColumnVector copy = vectorFilter != null && count == vectorCount ? filterGathered[c] : null;
          vectors[c] = count == 0 ? null : copy != null ? copy : vectors[c].gather(selected, count);
        }
      } else if (count == rows) {
        vectors[c] = decodeWhole(c, rows, nestedVectors);
      } else if (fileColumn[c] >= 0) {
        vectors[c] = decoders[fileColumn[c]].decodeSelected(rows, selected, count);
      } else if (count > 0) {
        vectors[c] = decodeWhole(c, rows, nestedVectors).gather(selected, count);
      }
    }
    metrics.rowsRead().add(count);
    return count == 0 ? null : new ColumnarBatch(vectors, count);
  }

  private ColumnVector decodeWhole(int c, int rows, ColumnVector[] nestedVectors) {
    if (nestedColumn[c] >= 0) {
      return nestedVectors[nestedColumn[c]];
    } else if (fileColumn[c] < 0) {
      ColumnVector vector = ColumnVectors.allocate(required.apply(c).dataType(), rows);
      Arrays.fill(vector.nulls, true);
      return vector;
    }
    return decoders[fileColumn[c]].decode(rows);
  }

  /** Closes the row group read last: no decoder reads its pages any more, so its buffers can be reused. */
  private void closeRowGroup() {
    PageReadStore last = rowGroup;
    rowGroup = null;
    if (last != null) {
      last.close();
    }
  }

  void close() {
    if (!closed) {
      closed = true;
      try {
        closeRowGroup();
      } finally {
        closeReader();
      }
    }
  }

  private void closeReader() {
    try {
      reader.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

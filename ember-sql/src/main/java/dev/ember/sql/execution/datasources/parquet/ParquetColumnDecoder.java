package dev.ember.sql.execution.datasources.parquet;

import dev.ember.sql.AnalysisException;
import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.ColumnVectors;
import dev.ember.sql.execution.vector.DecimalColumnVector;
import dev.ember.sql.execution.vector.DoubleColumnVector;
import dev.ember.sql.execution.vector.IntColumnVector;
import dev.ember.sql.execution.vector.LongColumnVector;
import dev.ember.sql.execution.vector.StringColumnVector;
import dev.ember.sql.types.DataType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.apache.parquet.bytes.ByteBufferInputStream;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ValuesType;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DataPageV1;
import org.apache.parquet.column.page.DataPageV2;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.column.values.ValuesReader;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * Decodes one Parquet column, row group after row group, into Ember column vectors of its type, reading the
 * pages itself: definition levels and dictionary ids through {@link RleBitPackedDecoder} many at a time; a
 * dictionary decoded once per column chunk into a vector whose values rows then share (one String object per
 * distinct string, decimals already unscaled longs); PLAIN numbers and strings straight from the page buffer;
 * other encodings through parquet-java's {@link ValuesReader}s. Values convert as {@link ParquetValues} says.
 */
final class ParquetColumnDecoder {

  private final ColumnDescriptor descriptor;
  private final DataType type;
  private final ParquetValues values;
  private final PrimitiveTypeName physical;
  private final int maxDefinition;
  private final int plainKind;
  private PageReader pages;
  private ColumnVector dictionary;
  private int pageLeft;
  private RleBitPackedDecoder definitions;
  private RleBitPackedDecoder dictionaryIds;
  private ByteBuffer plain;
  private ValuesReader reader;
  private int[] levels = new int[0];
  private int[] ids = new int[0];
  private boolean[] runNulls = new boolean[0];
  private int[] valueIndex = new int[0];
  private ColumnVector runScratch;
  /** The chunk's dictionary as parquet-java reads it, for tests of its entries' bytes; null when none. */
  private Dictionary rawDictionary;
  /** Per dictionary entry, whether it passes the byte tests of {@link #filterBytes}; null until asked. */
  private boolean[] dictionaryPasses;
  /** Whether the column is only tested on its bytes, so its dictionary is never turned into Strings. */
  private boolean bytesOnly;
  /** The reader's decompressors when data pages are decompressed into {@link #pageBuffer}; null: not. */
  private ParquetPageCodecs codecs;
  private PageBuffer pageBuffer;

  ParquetColumnDecoder(ColumnDescriptor descriptor, DataType type) {
    this.descriptor = descriptor;
    this.type = type;
    this.values = new ParquetValues(descriptor.getPrimitiveType());
    this.physical = descriptor.getPrimitiveType().getPrimitiveTypeName();
    this.maxDefinition = descriptor.getMaxDefinitionLevel();
    this.plainKind = PlainBulkDecoder.kindOf(descriptor.getPrimitiveType(), type);
  }

  /** The column decoded. */
  ColumnDescriptor descriptor() {
    return descriptor;
  }

  /** Starts on the column's chunk in a new row group. */
  void startRowGroup(PageReader chunk) {
    this.pages = chunk;
    this.pageLeft = 0;
    this.dictionary = null;
    this.rawDictionary = null;
    this.dictionaryPasses = null;
    DictionaryPage page = chunk.readDictionaryPage();
    if (page != null && plainKind != PlainBulkDecoder.BINARY_TO_STRING && plainKind != PlainBulkDecoder.NONE
        && !bytesOnly) {
      dictionary = PlainBulkDecoder.dictionary(page, type, plainKind);
      if (dictionary != null) {
        return;
      }
    }
    if (page != null) {
      try {
        Dictionary dict = page.getEncoding().initDictionary(descriptor, page);
        rawDictionary = dict;
        if (bytesOnly) {
          return;
        }
        dictionary = ColumnVectors.allocate(type, dict.getMaxId() + 1);
        for (int id = 0; id <= dict.getMaxId(); id++) {
          values.setFromDictionary(dictionary, id, dict, id);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read a Parquet dictionary page of " + descriptor, e);
      }
    }
  }

  /** Decodes the next {@code rows} values into a new vector. */
  ColumnVector decode(int rows) {
    return decode(rows, null);
  }

  /**
   * Decodes the next {@code rows} values into {@code reuse} when it holds exactly {@code rows} values (a vector
   * this decoder filled before and that nothing else holds), else into a new vector; returns the vector.
   */
  ColumnVector decode(int rows, ColumnVector reuse) {
    ColumnVector vector = reuse != null && reuse.capacity() == rows ? reuse : ColumnVectors.allocate(type, rows);
    if (levels.length < rows) {
      levels = new int[rows];
      ids = new int[rows];
    }
    int row = 0;
    while (row < rows) {
      if (pageLeft == 0) {
        nextPage();
      }
      int n = Math.min(rows - row, pageLeft);
      decodeRun(vector, row, n);
      row += n;
      pageLeft -= n;
    }
    return vector;
  }

  /**
   * Decodes the next {@code rows} values but keeps only those at the ascending positions
   * {@code selected[0, count)}, into a new vector of {@code count} rows; with {@code count == 0} it skips the
   * rows. Dictionary ids are read in bulk and only the selected ones looked up; PLAIN values are read at their
   * offsets (strings are walked by length, made only for the selected rows); other encodings decode the run
   * whole and copy the selected rows.
   */
  ColumnVector decodeSelected(int rows, int[] selected, int count) {
    ColumnVector vector = ColumnVectors.allocate(type, count);
    ensureSelectionScratch(rows);
    int row = 0;
    int from = 0;
    while (row < rows) {
      if (pageLeft == 0) {
        nextPage();
      }
      int n = Math.min(rows - row, pageLeft);
      int to = from;
      while (to < count && selected[to] < row + n) {
        to++;
      }
      decodeRunSelected(vector, row, n, selected, from, to);
      from = to;
      row += n;
      pageLeft -= n;
    }
    return vector;
  }

  /** Rows {@code [start, start + n)} from the current page, keeping {@code selected[from, to)}. */
  private void decodeRunSelected(ColumnVector vector, int start, int n, int[] selected, int from, int to) {
    boolean bulkPlain = plain != null && plainKind != PlainBulkDecoder.NONE && plain.hasArray();
    if (dictionaryIds == null && !bulkPlain) {
      // The run is decoded whole into a scratch vector kept across runs; only copies of its rows leave.
      if (runScratch == null || runScratch.capacity() < n
          || runScratch instanceof DecimalColumnVector d && d.hasWideValues()) {
        runScratch = ColumnVectors.allocate(type, n);
      }
      ColumnVector run = runScratch;
      decodeRun(run, 0, n);
      for (int i = from; i < to; i++) {
        vector.copyFrom(i, run, selected[i] - start);
      }
      return;
    }
    int present = n;
    if (maxDefinition > 0) {
      present = definitions.readNulls(runNulls, 0, n, maxDefinition, levels);
    }
    int m = to - from;
    boolean noNulls = present == n;
    if (noNulls) {
      for (int j = 0; j < m; j++) {
        valueIndex[j] = selected[from + j] - start;
      }
    } else {
      int next = 0;
      int j = 0;
      for (int k = 0; k < n && j < m; k++) {
        if (selected[from + j] - start == k) {
          valueIndex[j] = runNulls[k] ? -1 : next;
          vector.nulls[from + j] = runNulls[k];
          j++;
        }
        next += runNulls[k] ? 0 : 1;
      }
    }
    if (dictionaryIds != null) {
      int next = 0;
      for (int j = 0; j < m; j++) {
        if (valueIndex[j] >= 0) {
          levels[next++] = valueIndex[j];
        }
      }
      dictionaryIds.readSelected(levels, next, present, ids);
      copyFromDictionary(vector, from, m, next == m);
      return;
    }
    PlainBulkDecoder.decodeSelected(vector, from, m, valueIndex, present, plain, plainKind);
  }

  /** Rows {@code [start, start + n)} from the current page. */
  private void decodeRun(ColumnVector vector, int start, int n) {
    boolean[] nulls = vector.nulls;
    int present = n;
    if (maxDefinition > 0) {
      present = definitions.readNulls(nulls, start, n, maxDefinition, levels);
    }
    if (dictionaryIds != null) {
      dictionaryIds.read(ids, present);
      copyFromDictionary(vector, start, n, present == n);
      return;
    }
    if (plain != null && PlainBulkDecoder.decode(vector, start, n, present == n, plain, plainKind)) {
      return;
    }
    for (int k = 0; k < n; k++) {
      if (!nulls[start + k]) {
        if (plain != null) {
          values.setFromPlain(vector, start + k, plain);
        } else {
          values.setFromReader(vector, start + k, reader);
        }
      }
    }
  }

  private void copyFromDictionary(ColumnVector vector, int start, int n, boolean noNulls) {
    boolean[] nulls = vector.nulls;
    int next = 0;
    if (vector instanceof LongColumnVector longs) {
      DictionaryCopy.longs(((LongColumnVector) dictionary).values, ids, longs.values, nulls, start, n, noNulls);
    } else if (vector instanceof IntColumnVector ints) {
      DictionaryCopy.ints(((IntColumnVector) dictionary).values, ids, ints.values, nulls, start, n, noNulls);
    } else if (vector instanceof StringColumnVector strings) {
      DictionaryCopy.strings(((StringColumnVector) dictionary).values, ids, strings.values, nulls, start, n,
          noNulls);
    } else if (vector instanceof DoubleColumnVector doubles) {
      DictionaryCopy.doubles(((DoubleColumnVector) dictionary).values, ids, doubles.values, nulls, start, n,
          noNulls);
    } else if (vector instanceof DecimalColumnVector decimals
        && !((DecimalColumnVector) dictionary).hasWideValues()) {
      DictionaryCopy.longs(((DecimalColumnVector) dictionary).unscaled, ids, decimals.unscaled, nulls, start, n,
          noNulls);
    } else {
      boolean compact = !(dictionary instanceof DecimalColumnVector d) || !d.hasWideValues();
      for (int k = 0; k < n; k++) {
        if (noNulls || !nulls[start + k]) {
          if (compact && vector instanceof DecimalColumnVector decimals) {
            decimals.unscaled[start + k] = ((DecimalColumnVector) dictionary).unscaled[ids[next++]];
          } else {
            vector.copyFrom(start + k, dictionary, ids[next++]);
          }
        }
      }
    }
  }

  /**
   * Has each data page decompressed by {@code codecs} into an array this decoder keeps from page to page; safe
   * because nothing read from a page outlives the next page (values leave as copies).
   */
  void decompressPagesWith(ParquetPageCodecs codecs) {
    this.codecs = codecs;
    this.pageBuffer = new PageBuffer();
  }

  /** Whether the column holds UTF-8 strings {@link #filterBytes} can test on their bytes. */
  boolean readsUtf8() {
    return physical == PrimitiveTypeName.BINARY && plainKind == PlainBulkDecoder.BINARY_TO_STRING;
  }

  /**
   * Marks the column as read only by {@link #filterBytes} without output Strings, so dictionaries are not
   * decoded into Strings; {@link #decode} must not be called after.
   */
  void decodeBytesOnly() {
    this.bytesOnly = true;
  }

  /** Sizes the level, id, null and value-index scratch arrays of a selective read for {@code rows} rows. */
  private void ensureSelectionScratch(int rows) {
    if (levels.length < rows) {
      levels = new int[rows];
      ids = new int[rows];
    }
    if (runNulls.length < rows) {
      runNulls = new boolean[rows];
      valueIndex = new int[rows];
    }
  }

  /**
   * Reads the next {@code rows} values of this UTF-8 column ({@link #readsUtf8}) and keeps, of the ascending row
   * positions {@code selected[0, count)}, those whose value passes every one of {@code tests} (a NULL passes
   * none), compacting {@code selected}; returns how many it keeps. No String is made to test a value: a
   * dictionary entry is tested once per column chunk and rows by their ids, a PLAIN value in place in the page.
   * When {@code out} is not null (at least {@code rows} values long) the kept rows' Strings are set in it at
   * their row positions.
   */
  int filterBytes(int rows, int[] selected, int count, Utf8StringTest[] tests, StringColumnVector out) {
    ensureSelectionScratch(rows);
    int row = 0;
    int from = 0;
    int kept = 0;
    while (row < rows) {
      if (pageLeft == 0) {
        nextPage();
      }
      int n = Math.min(rows - row, pageLeft);
      int to = from;
      while (to < count && selected[to] < row + n) {
        to++;
      }
      kept = Utf8RunFilter.filterRun(this, row, n, selected, from, to, kept, tests, out);
      from = to;
      row += n;
      pageLeft -= n;
    }
    return kept;
  }

  /**
   * Decodes one run for {@link Utf8RunFilter} when its values are neither dictionary ids nor PLAIN values in an
   * array: into a new vector of {@code n} Strings.
   */
  StringColumnVector decodeRunStrings(int n) {
    StringColumnVector run = new StringColumnVector(type, n);
    decodeRun(run, 0, n);
    return run;
  }

  /** Whether the current page holds dictionary ids, a PLAIN array-backed page, or neither. */
  boolean runIsDictionary() {
    return dictionaryIds != null;
  }

  boolean runIsPlainArray() {
    return plain != null && plain.hasArray();
  }

  /**
   * Reads the NULL flags of the run's {@code n} rows into {@link #runNulls} and the value index of each selected
   * row {@code selected[from, to)} into {@link #valueIndex} (-1 for NULL); returns the run's count of values.
   */
  int readValueIndexes(int start, int n, int[] selected, int from, int to) {
    int present = n;
    if (maxDefinition > 0) {
      present = definitions.readNulls(runNulls, 0, n, maxDefinition, levels);
    }
    int m = to - from;
    if (present == n) {
      for (int j = 0; j < m; j++) {
        valueIndex[j] = selected[from + j] - start;
      }
      return present;
    }
    int next = 0;
    int j = 0;
    for (int k = 0; k < n && j < m; k++) {
      if (selected[from + j] - start == k) {
        valueIndex[j] = runNulls[k] ? -1 : next;
        j++;
      }
      next += runNulls[k] ? 0 : 1;
    }
    return present;
  }

  int[] valueIndex() {
    return valueIndex;
  }

  /** The run's {@code present} dictionary ids, read. */
  int[] readIds(int present) {
    dictionaryIds.read(ids, present);
    return ids;
  }

  /** The current PLAIN page. */
  ByteBuffer plainPage() {
    return plain;
  }

  /** The chunk's dictionary's Strings (null when {@link #decodeBytesOnly}). */
  String[] dictionaryStrings() {
    return dictionary == null ? null : ((StringColumnVector) dictionary).values;
  }

  /** Per entry of the chunk's dictionary, whether it passes every one of {@code tests}. */
  boolean[] dictionaryPasses(Utf8StringTest[] tests) {
    if (dictionaryPasses == null) {
      boolean[] passes = new boolean[rawDictionary.getMaxId() + 1];
      for (int id = 0; id < passes.length; id++) {
        byte[] bytes = rawDictionary.decodeToBinary(id).getBytesUnsafe();
        passes[id] = Utf8RunFilter.passes(tests, bytes, 0, bytes.length);
      }
      dictionaryPasses = passes;
    }
    return dictionaryPasses;
  }

  private void nextPage() {
    DataPage page = readPage();
    if (page == null) {
      throw new IllegalStateException("The Parquet column chunk of " + descriptor + " ended before its rows");
    }
    pageLeft = page.getValueCount();
    try {
      startPage(page);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read a Parquet page of " + descriptor, e);
    }
  }

  private DataPage readPage() {
    if (codecs == null) {
      return pages.readPage();
    }
    codecs.lend(pageBuffer);
    try {
      return pages.readPage();
    } finally {
      codecs.lend(null);
    }
  }

  private void startPage(DataPage page) throws IOException {
    if (page instanceof DataPageV1 v1) {
      ByteBuffer bytes = buffer(v1.getBytes().toByteBuffer());
      if (maxDefinition > 0) {
        if (v1.getDlEncoding() != Encoding.RLE) {
          throw AnalysisException.unsupported("reading Parquet definition levels encoded as "
              + v1.getDlEncoding() + " (column " + descriptor + ")");
        }
        int length = bytes.getInt(bytes.position());
        int start = bytes.position() + 4;
        definitions = new RleBitPackedDecoder(bytes.duplicate().position(start).limit(start + length),
            bitWidth(maxDefinition));
        bytes.position(start + length);
      }
      startValues(v1.getValueEncoding(), bytes);
    } else {
      DataPageV2 v2 = (DataPageV2) page;
      if (maxDefinition > 0) {
        definitions = new RleBitPackedDecoder(buffer(v2.getDefinitionLevels().toByteBuffer()),
            bitWidth(maxDefinition));
      }
      startValues(v2.getDataEncoding(), buffer(v2.getData().toByteBuffer()));
    }
  }

  private void startValues(Encoding encoding, ByteBuffer bytes) {
    dictionaryIds = null;
    plain = null;
    reader = null;
    if (encoding.usesDictionary()) {
      if (dictionary == null && rawDictionary == null) {
        throw new IllegalStateException("A dictionary-encoded Parquet page without a dictionary in " + descriptor);
      }
      int width = bytes.get(bytes.position()) & 0xFF;
      dictionaryIds = new RleBitPackedDecoder(bytes.duplicate().position(bytes.position() + 1), width);
    } else if (encoding == Encoding.PLAIN && physical != PrimitiveTypeName.BOOLEAN
        && physical != PrimitiveTypeName.INT96) {
      plain = bytes.slice().order(ByteOrder.LITTLE_ENDIAN);
    } else {
      reader = encoding.getValuesReader(descriptor, ValuesType.VALUES);
      try {
        reader.initFromPage(pageLeft, ByteBufferInputStream.wrap(bytes.slice()));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read a Parquet page of " + descriptor, e);
      }
    }
  }

  private static ByteBuffer buffer(ByteBuffer bytes) {
    return bytes.slice().order(ByteOrder.LITTLE_ENDIAN);
  }

  private static int bitWidth(int maxLevel) {
    return 32 - Integer.numberOfLeadingZeros(maxLevel);
  }
}

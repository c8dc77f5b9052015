package dev.ember.sql.execution.datasources.csv;

import dev.ember.TaskContext;
import dev.ember.rdd.io.FileSplit;
import dev.ember.rdd.io.SplitLineIterator;
import dev.ember.sql.execution.datasources.BatchAppender;
import dev.ember.sql.execution.datasources.DateTimeFormats;
import dev.ember.sql.execution.datasources.FileInputs;
import dev.ember.sql.execution.datasources.MalformedRecords;
import dev.ember.sql.execution.datasources.ParseMode;
import dev.ember.sql.execution.datasources.RecordBatchIterator;
import dev.ember.sql.execution.datasources.ScanMetrics;
import dev.ember.sql.execution.datasources.ValueParsers;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one split of a CSV file into batches of the required columns, handling malformed records by the
 * parse mode: a record is malformed when its number of fields differs from the schema's or a required field
 * does not parse as its column's type.
 */
final class CsvRecordReader extends RecordBatchIterator {

  private final CsvOptions options;
  private final FileSplit split;
  private final CsvLineParser parser;
  private final DateTimeFormatter dates;
  private final DateTimeFormats formats;
  private final int expectedFields;
  private final int[] tokenIndexes;
  private final DataType[] types;
  private final int corruptSlot;
  private final boolean countLines;
  private SplitLineIterator lines;
  private BufferedReader wholeFile;
  private LineSource wholeLines;
  private boolean headerPending;
  private long lineNumber;

  CsvRecordReader(CsvOptions options, StructType dataSchema, StructType required, FileSplit split,
      TaskContext context, ScanMetrics metrics, DateTimeFormats formats) throws IOException {
    super(required.fieldList().stream().map(StructField::dataType).toList(), context, metrics);
    this.options = options;
    this.split = split;
    this.parser = new CsvLineParser(options);
    this.dates = ValueParsers.dateFormatter(options.dateFormat());
    this.formats = formats;
    List<String> tokenNames = new ArrayList<>();
    for (StructField field : dataSchema) {
      if (!field.name().equals(options.corruptColumn())) {
        tokenNames.add(field.name());
      }
    }
    this.expectedFields = tokenNames.size();
    this.tokenIndexes = new int[required.length()];
    this.types = new DataType[required.length()];
    int corrupt = -1;
    for (int c = 0; c < required.length(); c++) {
      StructField field = required.apply(c);
      types[c] = field.dataType();
      if (field.name().equals(options.corruptColumn())) {
        corrupt = c;
        tokenIndexes[c] = -1;
      } else {
        tokenIndexes[c] = tokenNames.indexOf(field.name());
      }
    }
    this.corruptSlot = corrupt;
    this.countLines = FileInputs.isWholeFile(split) || split.start() == 0;
    this.headerPending = options.header() && split.start() == 0;
    if (!options.splitsByLines()) {
      wholeFile = new BufferedReader(new InputStreamReader(FileInputs.openWhole(split), options.charset()));
      wholeLines = new LineSource(wholeFile, options.lineSep());
      if (options.multiLine()) {
        parser.open(wholeFile);
      }
    } else {
      lines = FileInputs.lines(split, context);
    }
  }

  private String nextLine() throws IOException {
    if (lines != null) {
      return lines.hasNext() ? lines.next() : null;
    }
    return wholeLines.next();
  }

  @Override
  protected boolean appendNext(BatchAppender out) throws IOException {
    List<String> fields;
    String raw;
    String where;
    if (options.multiLine()) {
      fields = nextRecordOrError();
      if (fields == null) {
        return false;
      }
      raw = String.join(String.valueOf(options.separator()), fields.stream().map(f -> f == null ? "" : f).toList());
      where = String.valueOf(parser.line());
    } else {
      String line = nextLine();
      if (line == null) {
        return false;
      }
      lineNumber++;
      if (line.isBlank() || options.comment() != '\0' && line.charAt(0) == options.comment()) {
        return true;
      }
      raw = line;
      where = countLines ? String.valueOf(lineNumber) : lineNumber + " of the split at byte " + split.start();
      try {
        fields = parser.parseLine(line);
      } catch (IOException e) {
        if (headerPending) {
          headerPending = false;
          return true;
        }
        return malformed(out, raw, where, "the record cannot be tokenized: " + e.getMessage());
      }
    }
    if (headerPending) {
      headerPending = false;
      return true;
    }
    return convert(out, fields, raw, where);
  }

  private List<String> nextRecordOrError() throws IOException {
    try {
      return parser.next();
    } catch (IOException e) {
      throw MalformedRecords.failFast("", split.path(), String.valueOf(parser.line()),
          "the file cannot be tokenized: " + e.getMessage());
    }
  }

  private boolean convert(BatchAppender out, List<String> fields, String raw, String where) {
    String problem = fields.size() > options.maxColumns()
        ? fields.size() + " fields exceed maxColumns (" + options.maxColumns() + ")"
        : fields.size() == expectedFields ? null : "expected " + expectedFields + " fields but found " + fields.size();
    for (int c = 0; c < types.length; c++) {
      int token = tokenIndexes[c];
      if (token < 0) {
        out.set(c, null);
        continue;
      }
      String field = token < fields.size() ? fields.get(token) : null;
      Object value = null;
      if (field != null) {
        String text = options.trim(field);
        if (text.isEmpty()) {
          value = types[c] == DataTypes.StringType ? options.emptyValue() : null;
        } else if (!text.equals(options.nullValue())) {
          try {
            value = DateTimeFormats.handles(types[c]) ? formats.parse(text, types[c])
                : ValueParsers.parse(text, types[c], dates);
          } catch (RuntimeException e) {
            problem = problem != null ? problem : "cannot parse '" + text + "' as " + types[c].simpleString();
          }
        }
      }
      out.set(c, value);
    }
    if (problem != null) {
      return malformedAfterSet(out, raw, where, problem);
    }
    out.endRow();
    return true;
  }

  private boolean malformed(BatchAppender out, String raw, String where, String problem) {
    for (int c = 0; c < types.length; c++) {
      out.set(c, null);
    }
    return malformedAfterSet(out, raw, where, problem);
  }

  private boolean malformedAfterSet(BatchAppender out, String raw, String where, String problem) {
    if (options.mode() == ParseMode.FAILFAST) {
      throw MalformedRecords.failFast(raw, split.path(), where, problem);
    }
    if (options.mode() == ParseMode.DROPMALFORMED) {
      return true;
    }
    if (corruptSlot >= 0) {
      out.set(corruptSlot, raw);
    }
    out.endRow();
    return true;
  }

  @Override
  protected void closeInput() throws IOException {
    parser.close();
    if (lines != null) {
      lines.close();
    }
    if (wholeFile != null) {
      wholeFile.close();
    }
  }
}

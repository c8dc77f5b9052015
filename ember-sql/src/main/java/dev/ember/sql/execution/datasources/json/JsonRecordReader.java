package dev.ember.sql.execution.datasources.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
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
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Reads JSON lines into batches of the required columns with jackson-core's streaming parser. A line that is
 * not a JSON object, or whose value does not fit its column's type, is malformed and handled by the parse mode;
 * fields not in the schema are skipped; values convert as {@link JsonValues#read} says.
 */
final class JsonRecordReader extends RecordBatchIterator {

  private final JsonOptions options;
  private final FileSplit split;
  private final SplitLineIterator lines;
  private final Iterator<String> records;
  private final JsonFactory factory = new JsonFactory();
  private final Map<String, Integer> columns = new HashMap<>();
  private final DataType[] types;
  private final int corruptSlot;
  private final DateTimeFormats formats;
  private final boolean countLines;
  private final Object[] values;
  private long lineNumber;

  JsonRecordReader(JsonOptions options, StructType required, FileSplit split, TaskContext context,
      ScanMetrics metrics, boolean multiLine, DateTimeFormats formats) {
    super(required.fieldList().stream().map(StructField::dataType).toList(), context, metrics);
    this.formats = formats;
    this.options = options;
    this.split = split;
    this.types = new DataType[required.length()];
    int corrupt = -1;
    for (int c = 0; c < types.length; c++) {
      types[c] = required.apply(c).dataType();
      if (required.apply(c).name().equals(options.corruptColumn())) {
        corrupt = c;
      } else {
        columns.put(required.apply(c).name(), c);
      }
    }
    this.corruptSlot = corrupt;
    this.countLines = split.start() == 0;
    this.values = new Object[types.length];
    this.lines = multiLine ? null : FileInputs.lines(split, context);
    try {
      this.records = multiLine ? JsonDocuments.records(split).iterator() : lines;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the JSON file " + split.path(), e);
    }
  }

  @Override
  protected boolean appendNext(BatchAppender out) throws IOException {
    if (!records.hasNext()) {
      return false;
    }
    String line = records.next();
    lineNumber++;
    if (line.isBlank()) {
      return true;
    }
    java.util.Arrays.fill(values, null);
    String problem = parse(line);
    if (problem != null) {
      if (options.mode() == ParseMode.FAILFAST) {
        String where = lines == null ? lineNumber + " (record " + lineNumber + " of the multiLine document)"
            : countLines ? String.valueOf(lineNumber) : lineNumber + " of the split at byte " + split.start();
        throw MalformedRecords.failFast(line, split.path(), where, problem);
      }
      if (options.mode() == ParseMode.DROPMALFORMED) {
        return true;
      }
      java.util.Arrays.fill(values, null);
      if (corruptSlot >= 0) {
        values[corruptSlot] = line;
      }
    }
    for (int c = 0; c < values.length; c++) {
      out.set(c, values[c]);
    }
    out.endRow();
    return true;
  }

  /** Fills {@link #values} from the line; the problem found, or null. */
  private String parse(String line) {
    try (JsonParser parser = factory.createParser(line)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return "the line is not a JSON object";
      }
      for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
        Integer column = columns.get(parser.currentName());
        JsonToken value = parser.nextToken();
        if (value == null) {
          return "unexpected end of the line";
        }
        if (column == null) {
          parser.skipChildren();
          continue;
        }
        String problem = convert(parser, value, column);
        if (problem != null) {
          return problem;
        }
      }
      if (parser.nextToken() != null) {
        return "unexpected text after the JSON object";
      }
      return null;
    } catch (IOException e) {
      return e.getMessage().lines().findFirst().orElse("invalid JSON");
    }
  }

  private String convert(JsonParser parser, JsonToken value, int column) throws IOException {
    DataType type = types[column];
    if (value == JsonToken.VALUE_NULL) {
      values[column] = null;
      return null;
    }
    Object result = JsonValues.read(parser, value, type, formats, factory);
    if (result == JsonValues.MISMATCH) {
      return "the value " + parser.getText() + " of field " + parser.currentName() + " is not a "
          + type.simpleString();
    }
    values[column] = result;
    return null;
  }

  @Override
  protected void closeInput() {
    if (lines != null) {
      lines.close();
    }
  }
}

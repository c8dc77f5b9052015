package dev.ember.sql.execution.datasources.csv;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV records into fields with Jackson's CSV parser: one line at a time (the default, so files can be
 * split by lines and every record's line is known) or a whole stream ({@code multiLine}, where quoted values
 * may hold line breaks). An unquoted empty field is returned as null, a quoted one as the empty string.
 */
final class CsvLineParser {

  private final CsvFactory factory = new CsvFactory();
  private final CsvSchema schema;
  private CsvParser streaming;

  CsvLineParser(CsvOptions options) {
    CsvSchema s = CsvSchema.emptySchema().withColumnSeparator(options.separator());
    s = options.quote() == '\0' ? s.withoutQuoteChar() : s.withQuoteChar(options.quote());
    s = options.escape() == '\0' ? s.withoutEscapeChar() : s.withEscapeChar(options.escape());
    if (options.multiLine() && options.comment() == '#') {
      s = s.withComments();
    }
    this.schema = s;
    factory.enable(CsvParser.Feature.EMPTY_UNQUOTED_STRING_AS_NULL);
  }

  /** The fields of one line; throws IOException when it is not well-formed (e.g. an unclosed quote). */
  List<String> parseLine(String line) throws IOException {
    try (CsvParser parser = factory.createParser(line)) {
      parser.setSchema(schema);
      List<String> fields = readRecord(parser);
      return fields == null ? List.of() : fields;
    }
  }

  /** Starts reading whole records from {@code reader}. */
  void open(Reader reader) throws IOException {
    streaming = factory.createParser(reader);
    streaming.setSchema(schema);
  }

  /** The next record of the stream, or null at its end. */
  List<String> next() throws IOException {
    return readRecord(streaming);
  }

  /** The line where the record last returned by {@link #next()} ends. */
  int line() {
    return streaming.currentLocation().getLineNr();
  }

  void close() throws IOException {
    if (streaming != null) {
      streaming.close();
    }
  }

  private static List<String> readRecord(CsvParser parser) throws IOException {
    JsonToken token = parser.nextToken();
    if (token == null) {
      return null;
    }
    if (token != JsonToken.START_ARRAY) {
      throw new IOException("Unexpected " + token);
    }
    List<String> fields = new ArrayList<>();
    while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
      if (token == null) {
        throw new IOException("Unexpected end of input");
      }
      fields.add(token == JsonToken.VALUE_NULL ? null : parser.getText());
    }
    return fields;
  }
}

package dev.ember.sql.execution.datasources.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.ember.rdd.io.FileSplit;
import dev.ember.sql.execution.datasources.DataSourceOptions;
import dev.ember.sql.execution.datasources.FileInputs;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The records of a JSON file read with {@code multiLine=true}, as Spark reads them: the file is one JSON
 * document, either an object (one record) or an array whose elements are the records; several documents in
 * a row are read one after the other. Each record comes back as its compact JSON text, so the line-based
 * reader and schema inference handle it unchanged. A file that is not valid JSON is a single malformed
 * record holding the whole file text, which the parse mode then drops, keeps as the corrupt record or fails on.
 */
final class JsonDocuments {

  private static final JsonFactory FACTORY = new JsonFactory();

  private JsonDocuments() {}

  /** Whether the read option {@code multiLine} is set. */
  static boolean multiLine(DataSourceOptions options) {
    return options.getBoolean("multiLine", false);
  }

  /** The records of {@code file}, read whole (decompressed when its name says it is compressed). */
  static List<String> records(Path file) throws IOException {
    return records(new FileSplit(file.toString(), 0, Files.size(file), false));
  }

  /** The records of the whole file of {@code split}. */
  static List<String> records(FileSplit split) throws IOException {
    String text;
    try (InputStream in = FileInputs.openWhole(split)) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    return split(text);
  }

  /** The records of one document's text. */
  static List<String> split(String text) {
    List<String> records = new ArrayList<>();
    try (JsonParser parser = FACTORY.createParser(text)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        if (token == JsonToken.START_ARRAY) {
          for (JsonToken element = parser.nextToken(); element != JsonToken.END_ARRAY;
              element = parser.nextToken()) {
            if (element == null) {
              throw new IOException("unexpected end of the document");
            }
            records.add(copy(parser));
          }
        } else {
          records.add(copy(parser));
        }
      }
      return records;
    } catch (IOException e) {
      return text.isBlank() ? List.of() : List.of(text);
    }
  }

  private static String copy(JsonParser parser) throws IOException {
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = FACTORY.createGenerator(out)) {
      generator.copyCurrentStructure(parser);
    }
    return out.toString();
  }
}

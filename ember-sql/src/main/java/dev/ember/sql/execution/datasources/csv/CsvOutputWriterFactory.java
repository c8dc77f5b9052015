package dev.ember.sql.execution.datasources.csv;

import dev.ember.sql.execution.datasources.OutputWriter;
import dev.ember.sql.execution.datasources.OutputWriterFactory;
import dev.ember.sql.execution.datasources.DateTimeFormats;
import dev.ember.sql.execution.datasources.ValueParsers;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.StructType;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;

/**
 * Writes CSV as Spark does: a header line when {@code header} is set; values quoted only when they contain the
 * separator, the quote, a line break or (with whitespace trimming off) leading or trailing spaces; quotes and
 * escapes inside quoted values escaped with the escape character; nulls as {@code nullValue} and empty strings
 * as {@code ""}.
 */
final class CsvOutputWriterFactory implements OutputWriterFactory {

  private static final long serialVersionUID = 1L;
  private final CsvOptions options;
  private final StructType schema;
  private final DateTimeFormats formats;

  CsvOutputWriterFactory(CsvOptions options, StructType schema, DateTimeFormats formats) {
    this.formats = formats;
    this.options = options;
    this.schema = schema;
  }

  @Override
  public String fileExtension() {
    return ".csv";
  }

  @Override
  public OutputWriter newWriter(Path file) throws IOException {
    Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), options.charset()), 1 << 16);
    DataType[] types = schema.fieldList().stream().map(f -> f.dataType()).toArray(DataType[]::new);
    DateTimeFormatter dates = ValueParsers.dateFormatter(options.dateFormat());
    if (options.header()) {
      for (int c = 0; c < types.length; c++) {
        if (c > 0) {
          out.write(options.separator());
        }
        out.write(quoteIfNeeded(schema.apply(c).name()));
      }
      out.write(options.writtenLineSep());
    }
    return new OutputWriter() {
      @Override
      public void write(Object[] row) throws IOException {
        for (int c = 0; c < types.length; c++) {
          if (c > 0) {
            out.write(options.separator());
          }
          Object value = row[c];
          if (value == null) {
            out.write(options.nullValue());
          } else {
            String text = DateTimeFormats.handles(types[c]) ? formats.format(value, types[c])
                : ValueParsers.format(value, types[c], dates);
            out.write(text.isEmpty() ? options.emptyValue() : quoteIfNeeded(text));
          }
        }
        out.write(options.writtenLineSep());
      }

      @Override
      public void close() throws IOException {
        out.close();
      }
    };
  }

  private String quoteIfNeeded(String text) {
    char quote = options.quote();
    boolean needs = false;
    for (int i = 0; i < text.length() && !needs; i++) {
      char ch = text.charAt(i);
      needs = ch == options.separator() || ch == quote || ch == '\n' || ch == '\r'
          || ch == options.escape() && options.escape() != '\\';
    }
    if (!needs && !text.isEmpty() && !options.ignoreLeadingWhiteSpace() && Character.isWhitespace(text.charAt(0))) {
      needs = true;
    }
    if (!needs && !text.isEmpty() && !options.ignoreTrailingWhiteSpace()
        && Character.isWhitespace(text.charAt(text.length() - 1))) {
      needs = true;
    }
    if (!needs || quote == '\0') {
      return text;
    }
    StringBuilder sb = new StringBuilder(text.length() + 2).append(quote);
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (ch == quote || ch == options.escape() && options.escape() != '\0') {
        sb.append(options.escape() == '\0' ? quote : options.escape());
      }
      sb.append(ch);
    }
    return sb.append(quote).toString();
  }
}

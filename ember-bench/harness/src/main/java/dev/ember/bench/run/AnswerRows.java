package dev.ember.bench.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a query's result rows as text (one row a line, fields tab-separated) in the one format all
 * engines share, so the harness can compare answers across engines.
 *
 * <p>Numbers are written in plain decimal (never exponent) notation where the value is a decimal, so
 * the number of digits after the point tells the comparison how precise the engine's type was; nulls
 * are {@code NULL}; dates and everything else use {@code toString()}.
 */
public final class AnswerRows {

  private AnswerRows() {
  }

  /** Formats one value of a result row. */
  public static String format(Object value) {
    if (value == null) {
      return "NULL";
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    }
    return value.toString().replace('\t', ' ').replace('\n', ' ');
  }

  /** Writes rows (each a list of already-formatted fields) to a file, creating its directory. */
  public static void write(Path file, List<List<String>> rows) {
    StringBuilder text = new StringBuilder();
    for (List<String> row : rows) {
      text.append(String.join("\t", row)).append('\n');
    }
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

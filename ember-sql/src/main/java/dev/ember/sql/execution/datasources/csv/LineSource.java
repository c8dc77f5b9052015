package dev.ember.sql.execution.datasources.csv;

import java.io.BufferedReader;
import java.io.IOException;

/**
 * The lines of a reader: split at {@code \r}, {@code \r\n} or {@code \n} as {@link BufferedReader#readLine}
 * does, or only at the one-character {@code lineSep} option when it is set (a final separator ends the last
 * line rather than starting an empty one).
 */
final class LineSource {

  private final BufferedReader reader;
  private final String lineSep;

  LineSource(BufferedReader reader, String lineSep) {
    this.reader = reader;
    this.lineSep = lineSep;
  }

  /** The next line without its separator, or null at the end. */
  String next() throws IOException {
    if (lineSep == null) {
      return reader.readLine();
    }
    char separator = lineSep.charAt(0);
    StringBuilder line = new StringBuilder();
    int ch = reader.read();
    if (ch < 0) {
      return null;
    }
    while (ch >= 0 && ch != separator) {
      line.append((char) ch);
      ch = reader.read();
    }
    return line.toString();
  }
}

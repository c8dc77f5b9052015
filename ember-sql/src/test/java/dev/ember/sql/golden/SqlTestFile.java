package dev.ember.sql.golden;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A sqllogictest-style file: {@code statement ok}, {@code statement error CONDITION [line:pos]} and
 * {@code query [rowsort] [duckdb]} blocks, each followed by SQL up to a blank line; a query's expected rows
 * follow a {@code ----} line, tab-separated, NULL for nulls. Lines starting with {@code #} are comments.
 */
final class SqlTestFile {

  /** One block; {@code text} holds comment lines between blocks, verbatim, when {@code header} is null. */
  record Block(int line, String header, String sql, List<String> expected, String text) {

    boolean isQuery() {
      return header != null && header.startsWith("query");
    }

    boolean isStatementOk() {
      return header != null && header.equals("statement ok");
    }

    boolean isError() {
      return header != null && header.startsWith("statement error");
    }

    boolean hasFlag(String flag) {
      return header != null && List.of(header.split("\\s+")).contains(flag);
    }
  }

  private SqlTestFile() {}

  static List<Block> parse(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    List<Block> blocks = new ArrayList<>();
    int i = 0;
    while (i < lines.size()) {
      String line = lines.get(i);
      if (line.isBlank() || line.startsWith("#")) {
        blocks.add(new Block(i + 1, null, null, List.of(), line));
        i++;
        continue;
      }
      int start = i + 1;
      String header = line.trim();
      i++;
      StringBuilder sql = new StringBuilder();
      while (i < lines.size() && !lines.get(i).isBlank() && !lines.get(i).equals("----")) {
        sql.append(sql.length() == 0 ? "" : "\n").append(lines.get(i));
        i++;
      }
      List<String> expected = new ArrayList<>();
      if (i < lines.size() && lines.get(i).equals("----")) {
        i++;
        while (i < lines.size() && !lines.get(i).isEmpty()) {
          expected.add(lines.get(i));
          i++;
        }
      }
      blocks.add(new Block(start, header, sql.toString(), expected, null));
    }
    return blocks;
  }

  static String render(List<Block> blocks) {
    StringBuilder sb = new StringBuilder();
    for (Block b : blocks) {
      if (b.header() == null) {
        sb.append(b.text()).append('\n');
        continue;
      }
      sb.append(b.header()).append('\n').append(b.sql()).append('\n');
      if (b.isQuery()) {
        sb.append("----\n");
        for (String row : b.expected()) {
          sb.append(row).append('\n');
        }
      }
    }
    return sb.toString();
  }
}

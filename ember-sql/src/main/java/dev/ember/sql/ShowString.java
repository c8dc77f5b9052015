package dev.ember.sql;

import java.util.ArrayList;
import java.util.List;

/** Formats rows as Spark's {@code Dataset.show} does: a boxed table, cells right-aligned when truncating. */
final class ShowString {

  private ShowString() {}

  /**
   * The table of the first {@code numRows} of {@code rows} (which may hold one more, meaning there are more).
   *
   * @param truncate the longest cell kept (longer ones end in "..."), or 0 for no truncation
   */
  static String format(String[] header, List<Row> rows, int numRows, int truncate) {
    return format(header, rows, numRows, truncate, java.time.ZoneId.systemDefault().getId());
  }

  /** The table, with timestamps shown in {@code timeZone}. */
  static String format(String[] header, List<Row> rows, int numRows, int truncate, String timeZone) {
    boolean hasMore = rows.size() > numRows;
    List<String[]> cells = new ArrayList<>();
    cells.add(header.clone());
    for (Row row : rows.subList(0, Math.min(numRows, rows.size()))) {
      String[] line = new String[row.size()];
      for (int i = 0; i < line.length; i++) {
        line[i] = truncateCell(ExternalValues.show(row.get(i), null, timeZone), truncate);
      }
      cells.add(line);
    }
    int[] widths = new int[header.length];
    for (String[] line : cells) {
      for (int i = 0; i < line.length; i++) {
        widths[i] = Math.max(Math.max(widths[i], 3), line[i].length());
      }
    }
    StringBuilder separator = new StringBuilder("+");
    for (int width : widths) {
      separator.append("-".repeat(width)).append('+');
    }
    separator.append('\n');
    StringBuilder sb = new StringBuilder(separator);
    for (int r = 0; r < cells.size(); r++) {
      sb.append('|');
      for (int i = 0; i < widths.length; i++) {
        String cell = cells.get(r)[i];
        String pad = " ".repeat(widths[i] - cell.length());
        sb.append(truncate > 0 ? pad + cell : cell + pad).append('|');
      }
      sb.append('\n');
      if (r == 0) {
        sb.append(separator);
      }
    }
    sb.append(separator);
    if (hasMore) {
      sb.append("only showing top ").append(numRows).append(numRows == 1 ? " row\n" : " rows\n");
    }
    return sb.toString();
  }

  /**
   * The vertical form of {@link #format}: for each row a {@code -RECORD i} line padded with dashes, then one
   * {@code  name | value } line per column, as Spark's {@code show(n, truncate, true)} prints.
   */
  static String formatVertical(String[] header, List<Row> rows, int numRows, int truncate) {
    boolean hasMore = rows.size() > numRows;
    List<Row> shown = rows.subList(0, Math.min(numRows, rows.size()));
    int nameWidth = 0;
    for (String name : header) {
      nameWidth = Math.max(nameWidth, name.length());
    }
    List<String[]> cells = new ArrayList<>();
    int dataWidth = 0;
    for (Row row : shown) {
      String[] line = new String[row.size()];
      for (int i = 0; i < line.length; i++) {
        line[i] = truncateCell(row.get(i) == null ? "NULL" : row.get(i).toString(), truncate);
        dataWidth = Math.max(dataWidth, line[i].length());
      }
      cells.add(line);
    }
    StringBuilder sb = new StringBuilder();
    for (int r = 0; r < cells.size(); r++) {
      sb.append(pad("-RECORD " + r, nameWidth + dataWidth + 5, '-')).append('\n');
      for (int i = 0; i < header.length; i++) {
        sb.append(' ').append(pad(header[i], nameWidth, ' ')).append(" | ")
            .append(pad(cells.get(r)[i], dataWidth, ' ')).append(" \n");
      }
    }
    if (shown.isEmpty()) {
      sb.append("(0 rows)\n");
    }
    if (hasMore) {
      sb.append("only showing top ").append(numRows).append(numRows == 1 ? " row\n" : " rows\n");
    }
    return sb.toString();
  }

  private static String pad(String text, int width, char fill) {
    return text.length() >= width ? text : text + String.valueOf(fill).repeat(width - text.length());
  }

  private static String truncateCell(String cell, int truncate) {
    if (truncate <= 0 || cell.length() <= truncate) {
      return cell;
    }
    return truncate < 4 ? cell.substring(0, truncate) : cell.substring(0, truncate - 3) + "...";
  }
}

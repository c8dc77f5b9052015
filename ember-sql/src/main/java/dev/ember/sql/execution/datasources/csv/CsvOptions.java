package dev.ember.sql.execution.datasources.csv;

import dev.ember.sql.execution.datasources.DataSourceOptions;
import dev.ember.sql.execution.datasources.ParseMode;
import java.io.Serializable;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * The CSV options, with Spark's names and defaults: {@code header} (false), {@code inferSchema} (false),
 * {@code sep}/{@code delimiter} (,), {@code quote} ("), {@code escape} (\), {@code comment} (none),
 * {@code nullValue} (""), {@code emptyValue} ("" when reading), {@code dateFormat} (yyyy-MM-dd),
 * {@code ignoreLeadingWhiteSpace}/{@code ignoreTrailingWhiteSpace} (false when reading, true when writing),
 * {@code multiLine} (false), {@code encoding}/{@code charset} (UTF-8), {@code mode} (PERMISSIVE),
 * {@code columnNameOfCorruptRecord} (_corrupt_record), {@code lineSep} (\r, \r\n or \n when reading, \n when
 * writing; one character when set), {@code maxColumns} (20480).
 *
 * @param header whether the first line of each file names the columns
 * @param inferSchema whether to infer column types (else every column is a string)
 * @param separator the field separator
 * @param quote the quote character, or 0 for none
 * @param escape the escape character inside quoted fields
 * @param comment the character starting a comment line, or 0 for none
 * @param nullValue the text of a null
 * @param emptyValue the value of an empty quoted field
 * @param dateFormat the pattern of dates
 * @param ignoreLeadingWhiteSpace whether to trim leading spaces of values
 * @param ignoreTrailingWhiteSpace whether to trim trailing spaces of values
 * @param multiLine whether quoted values may span lines (files are then not split)
 * @param encoding the character set name
 * @param mode what to do with malformed records
 * @param corruptColumn the name of the column receiving malformed records
 * @param lineSep the one-character line separator, or null for the default ones
 * @param maxColumns the most fields a record may have; records with more are malformed
 */
public record CsvOptions(boolean header, boolean inferSchema, char separator, char quote, char escape,
    char comment, String nullValue, String emptyValue, String dateFormat, boolean ignoreLeadingWhiteSpace,
    boolean ignoreTrailingWhiteSpace, boolean multiLine, String encoding, ParseMode mode, String corruptColumn,
    String lineSep, int maxColumns) implements Serializable {

  /** The options of a read ({@code writing} false) or a write. */
  public static CsvOptions of(DataSourceOptions o, boolean writing) {
    String sep = o.get("sep", o.get("delimiter", ","));
    if (sep.equals("\\t")) {
      sep = "\t";
    }
    if (sep.length() != 1) {
      throw new IllegalArgumentException("Delimiter must be one character, but got '" + sep + "'");
    }
    return new CsvOptions(o.getBoolean("header", false), o.getBoolean("inferSchema", false), sep.charAt(0),
        charOption(o, "quote", '"'), charOption(o, "escape", '\\'), charOption(o, "comment", '\0'),
        o.get("nullValue", ""), o.get("emptyValue", writing ? "\"\"" : ""), o.get("dateFormat", "yyyy-MM-dd"),
        o.getBoolean("ignoreLeadingWhiteSpace", writing), o.getBoolean("ignoreTrailingWhiteSpace", writing),
        o.getBoolean("multiLine", false), o.get("encoding", o.get("charset", "UTF-8")), ParseMode.of(o),
        o.get("columnNameOfCorruptRecord", "_corrupt_record"), lineSep(o), maxColumns(o));
  }

  private static String lineSep(DataSourceOptions o) {
    String value = o.get("lineSep");
    if (value != null && value.length() != 1) {
      throw new IllegalArgumentException("'lineSep' can contain only 1 character, but got '" + value + "'");
    }
    return value;
  }

  private static int maxColumns(DataSourceOptions o) {
    String value = o.get("maxColumns", "20480");
    int max;
    try {
      max = Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      max = 0;
    }
    if (max <= 0) {
      throw new IllegalArgumentException("Option maxColumns must be a positive integer, but got '" + value + "'");
    }
    return max;
  }

  private static char charOption(DataSourceOptions o, String key, char defaultValue) {
    String value = o.get(key);
    if (value == null) {
      return defaultValue;
    }
    if (value.isEmpty()) {
      return '\0';
    }
    if (value.length() == 2 && value.charAt(0) == '\\') {
      return switch (value.charAt(1)) {
        case 't' -> '\t';
        case '0' -> '\0';
        default -> value.charAt(1);
      };
    }
    if (value.length() != 1) {
      throw new IllegalArgumentException("Option " + key + " must be one character, but got '" + value + "'");
    }
    return value.charAt(0);
  }

  /** The character set. */
  public Charset charset() {
    return Charset.forName(encoding);
  }

  /** Whether lines are UTF-8, which splitting files by lines requires. */
  public boolean isUtf8() {
    return charset().equals(StandardCharsets.UTF_8);
  }

  /** Whether files can be split at line starts: single-line records, UTF-8 and the default line separators. */
  public boolean splitsByLines() {
    return !multiLine && isUtf8() && lineSep == null;
  }

  /** The line separator written after each record. */
  public String writtenLineSep() {
    return lineSep == null ? "\n" : lineSep;
  }

  /** {@code value} with the configured whitespace trimmed. */
  public String trim(String value) {
    String v = value;
    if (ignoreLeadingWhiteSpace) {
      v = v.stripLeading();
    }
    if (ignoreTrailingWhiteSpace) {
      v = v.stripTrailing();
    }
    return v;
  }
}

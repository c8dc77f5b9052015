package dev.ember.sql.execution.datasources;

import dev.ember.sql.AnalysisException;
import java.util.Map;

/** The FAILFAST error of the text-based formats, naming the file, the line and what was wrong. */
public final class MalformedRecords {

  private static final int MAX_RECORD_CHARS = 200;

  private MalformedRecords() {}

  /**
   * A {@code MALFORMED_RECORD_IN_PARSING} error.
   *
   * @param record the raw record
   * @param file the file
   * @param line the line of the record (from 1), or a description of where it is
   * @param reason what could not be parsed
   */
  public static AnalysisException failFast(String record, String file, String line, String reason) {
    String shown = record.length() > MAX_RECORD_CHARS ? record.substring(0, MAX_RECORD_CHARS) + "..." : record;
    return new AnalysisException("MALFORMED_RECORD_IN_PARSING", Map.of("badRecord", shown, "file", "file:" + file,
        "line", line, "reason", reason, "failFastMode", "FAILFAST"));
  }
}

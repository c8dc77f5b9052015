package dev.ember.sql.execution.datasources.json;

import dev.ember.sql.execution.datasources.DataSourceOptions;
import dev.ember.sql.execution.datasources.ParseMode;
import java.io.Serializable;

/**
 * The JSON lines options, with Spark's names and defaults: {@code mode} (PERMISSIVE),
 * {@code columnNameOfCorruptRecord} (_corrupt_record), {@code dateFormat} (yyyy-MM-dd),
 * {@code ignoreNullFields} (true, when writing).
 *
 * @param mode what to do with malformed records
 * @param corruptColumn the column receiving malformed records
 * @param dateFormat the pattern of dates
 * @param ignoreNullFields whether the writer leaves out null fields
 */
public record JsonOptions(ParseMode mode, String corruptColumn, String dateFormat, boolean ignoreNullFields)
    implements Serializable {

  /** The options of a read or a write. */
  public static JsonOptions of(DataSourceOptions o) {
    return new JsonOptions(ParseMode.of(o), o.get("columnNameOfCorruptRecord", "_corrupt_record"),
        o.get("dateFormat", "yyyy-MM-dd"), o.getBoolean("ignoreNullFields", true));
  }
}

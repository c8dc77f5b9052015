package dev.ember.sql.plan;

import dev.ember.sql.plan.expressions.Origin;
import java.util.List;

/**
 * {@code ANALYZE TABLE name COMPUTE STATISTICS [NOSCAN | FOR COLUMNS c1, c2 | FOR ALL COLUMNS]}: computes a
 * persistent table's statistics and keeps them with its metadata.
 *
 * @param name the table name, in parts
 * @param noScan whether only the size is computed (NOSCAN), not the row count
 * @param columns the columns whose statistics are computed (empty: none)
 * @param allColumns whether FOR ALL COLUMNS was given
 * @param origin where the name is in the statement
 */
public record AnalyzeTableCommand(List<String> name, boolean noScan, List<String> columns, boolean allColumns,
    Origin origin) implements Command {

  /** Copies the lists. */
  public AnalyzeTableCommand {
    name = List.copyOf(name);
    columns = List.copyOf(columns);
  }
}

package dev.ember.sql.plan;

import dev.ember.sql.plan.expressions.Origin;
import java.util.List;

/**
 * {@code DESCRIBE [TABLE] [EXTENDED] name column}: the column's name and type and, when EXTENDED and the
 * table's column statistics were computed, those statistics (Spark's {@code DescribeColumnCommand}).
 *
 * @param name the table name, in parts
 * @param column the column name
 * @param extended whether EXTENDED or FORMATTED was given
 * @param origin where the column name is in the statement
 */
public record DescribeColumnCommand(List<String> name, String column, boolean extended, Origin origin)
    implements Command {

  /** Copies the name. */
  public DescribeColumnCommand {
    name = List.copyOf(name);
  }
}

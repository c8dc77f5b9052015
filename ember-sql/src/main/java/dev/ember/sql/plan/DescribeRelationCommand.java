package dev.ember.sql.plan;

import dev.ember.sql.plan.expressions.Origin;
import java.util.List;

/**
 * {@code DESCRIBE [TABLE] [EXTENDED] name}: one row per column (col_name, data_type, comment).
 *
 * @param name the table or view name, in parts
 * @param extended whether EXTENDED or FORMATTED was given
 * @param origin where the name is in the statement
 */
public record DescribeRelationCommand(List<String> name, boolean extended, Origin origin) implements Command {

  /** Copies the name. */
  public DescribeRelationCommand {
    name = List.copyOf(name);
  }
}

package dev.ember.sql.plan;

import dev.ember.sql.plan.expressions.Origin;
import java.util.List;

/**
 * {@code TRUNCATE TABLE name}: deletes every row of a managed persistent table, keeping the table.
 *
 * @param name the table name parts
 * @param origin where the table name is
 */
public record TruncateTableCommand(List<String> name, Origin origin) implements Command {

  /** Copies the name. */
  public TruncateTableCommand {
    name = List.copyOf(name);
  }
}

package dev.ember.sql.plan;

import dev.ember.sql.plan.expressions.Origin;
import java.util.List;

/**
 * {@code SHOW COLUMNS (FROM | IN) table [(FROM | IN) database]}: the column names of a table or view.
 *
 * @param name the table name parts, the database of the second FROM / IN first when there is one
 * @param origin where the table name is
 */
public record ShowColumnsCommand(List<String> name, Origin origin) implements Command {

  /** Copies the name. */
  public ShowColumnsCommand {
    name = List.copyOf(name);
  }
}

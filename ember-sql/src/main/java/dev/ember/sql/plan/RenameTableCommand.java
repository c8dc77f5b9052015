package dev.ember.sql.plan;

import dev.ember.sql.plan.expressions.Origin;
import java.util.List;

/**
 * {@code ALTER TABLE from RENAME TO to}: renames a persistent table, moving a managed table's files.
 *
 * @param from the table name parts
 * @param to the new name parts
 * @param fromOrigin where the table name is
 * @param toOrigin where the new name is
 */
public record RenameTableCommand(List<String> from, List<String> to, Origin fromOrigin, Origin toOrigin)
    implements Command {

  /** Copies the names. */
  public RenameTableCommand {
    from = List.copyOf(from);
    to = List.copyOf(to);
  }
}

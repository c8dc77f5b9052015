package dev.ember.sql.plan;

import dev.ember.sql.plan.expressions.Origin;
import java.util.List;

/**
 * {@code DROP VIEW [IF EXISTS] name}: drops a temporary view (and its cached data).
 *
 * @param name the view name, in parts
 * @param ifExists whether a missing view is not an error
 * @param origin where the name is in the statement
 */
public record DropViewCommand(List<String> name, boolean ifExists, Origin origin) implements Command {

  /** Copies the name. */
  public DropViewCommand {
    name = List.copyOf(name);
  }
}

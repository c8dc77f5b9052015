package dev.ember.sql.plan;

import dev.ember.sql.plan.expressions.Origin;
import java.util.List;

/**
 * {@code UNCACHE TABLE [IF EXISTS] name}: drops a view's cached data.
 *
 * @param name the view name, in parts
 * @param ifExists whether a missing view is not an error
 * @param origin where the name is in the statement
 */
public record UncacheTableCommand(List<String> name, boolean ifExists, Origin origin) implements Command {

  /** Copies the name. */
  public UncacheTableCommand {
    name = List.copyOf(name);
  }
}

package dev.ember.sql.plan;

import dev.ember.sql.plan.expressions.Origin;
import java.util.List;

/**
 * {@code ALTER VIEW v AS query}: gives the temporary view {@code v} a new query.
 *
 * @param name the view name parts
 * @param origin where the view name is
 * @param query the new query, unresolved
 */
public record AlterViewCommand(List<String> name, Origin origin, LogicalPlan query) implements Command {

  /** Copies the name. */
  public AlterViewCommand {
    name = List.copyOf(name);
  }
}

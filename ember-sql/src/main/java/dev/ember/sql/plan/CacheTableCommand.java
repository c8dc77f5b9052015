package dev.ember.sql.plan;

import dev.ember.sql.plan.expressions.Origin;
import java.util.List;

/**
 * {@code CACHE [LAZY] TABLE name [AS query]}: caches a view (first creating it from the query, if given);
 * without LAZY the data is computed and stored at once.
 *
 * @param name the view name, in parts
 * @param query the query defining a new temporary view, or {@code null}
 * @param lazy whether the data is computed only when first used
 * @param origin where the name is in the statement
 */
public record CacheTableCommand(List<String> name, LogicalPlan query, boolean lazy, Origin origin)
    implements Command {

  /** Copies the name. */
  public CacheTableCommand {
    name = List.copyOf(name);
  }
}

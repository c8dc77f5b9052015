package dev.ember.sql.plan;

import dev.ember.sql.plan.expressions.Origin;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * One named query of a {@code WITH} clause: {@code name(columnNames) AS (query)}.
 *
 * @param name the name queries below refer to
 * @param columnNames the column aliases, empty when none were written
 * @param query the unresolved query
 * @param origin where the definition starts in the query text
 */
public record CteDefinition(String name, List<String> columnNames, LogicalPlan query, Origin origin)
    implements Serializable {

  /** Validates the definition. */
  public CteDefinition {
    Objects.requireNonNull(name, "name is null");
    Objects.requireNonNull(query, "query is null");
    columnNames = List.copyOf(columnNames);
  }
}

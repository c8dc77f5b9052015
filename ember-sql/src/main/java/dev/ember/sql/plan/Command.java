package dev.ember.sql.plan;

import dev.ember.sql.plan.expressions.AttributeReference;
import java.util.List;

/**
 * A SQL statement that is not a query (SET, SHOW TABLES, DESCRIBE, DROP VIEW, CACHE TABLE, ...): the session
 * runs it at once, as Spark runs commands eagerly, and returns its result rows as a local DataFrame. Commands
 * are never analyzed or optimized as plans; the queries some of them hold are.
 */
public interface Command extends LeafNode {

  @Override
  default List<AttributeReference> output() {
    return List.of();
  }

  @Override
  default String simpleString() {
    return getClass().getSimpleName();
  }
}

package dev.ember.sql.plan;

import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Origin;
import java.util.List;
import java.util.Map;

/**
 * {@code INSERT INTO|OVERWRITE [TABLE] name [PARTITION (p = 'v', q)] query}: a command the session runs.
 *
 * @param name the table name parts
 * @param partitionSpec the PARTITION clause's columns in its order, each with its static value as text or null
 *     for a dynamic one
 * @param overwrite INSERT OVERWRITE
 * @param query the rows to insert
 * @param origin where the table name is
 */
public record InsertIntoTable(List<String> name, List<Map.Entry<String, String>> partitionSpec, boolean overwrite,
    LogicalPlan query, Origin origin) implements LeafNode {

  /** Copies the lists. */
  public InsertIntoTable {
    name = List.copyOf(name);
    partitionSpec = List.copyOf(partitionSpec);
  }

  @Override
  public List<AttributeReference> output() {
    return List.of();
  }

  @Override
  public String simpleString() {
    return "InsertIntoTable " + String.join(".", name) + ", overwrite=" + overwrite;
  }
}

package dev.ember.sql.plan;

import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Origin;
import java.util.List;

/**
 * {@code DROP TABLE [IF EXISTS] name}: a command the session runs.
 *
 * @param name the table name parts
 * @param ifExists whether a missing table is ignored
 * @param origin where the table name is
 */
public record DropTable(List<String> name, boolean ifExists, Origin origin) implements LeafNode {

  /** Copies the name. */
  public DropTable {
    name = List.copyOf(name);
  }

  @Override
  public List<AttributeReference> output() {
    return List.of();
  }

  @Override
  public String simpleString() {
    return "DropTable " + String.join(".", name) + ", ifExists=" + ifExists;
  }
}

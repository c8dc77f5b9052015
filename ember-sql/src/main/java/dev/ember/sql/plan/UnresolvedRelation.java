package dev.ember.sql.plan;

import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Origin;
import java.util.List;

/**
 * A table or view name the analyzer has yet to look up in the catalog.
 *
 * @param nameParts the dotted name
 * @param origin where it appears in the query
 */
public record UnresolvedRelation(List<String> nameParts, Origin origin) implements LeafNode {

  /** Copies the name. */
  public UnresolvedRelation {
    nameParts = List.copyOf(nameParts);
  }

  @Override
  public List<AttributeReference> output() {
    throw new IllegalStateException("output of unresolved relation " + nameParts);
  }

  @Override
  public boolean resolved() {
    return false;
  }

  @Override
  public String simpleString() {
    return "'UnresolvedRelation " + TreeStrings.list(nameParts);
  }
}

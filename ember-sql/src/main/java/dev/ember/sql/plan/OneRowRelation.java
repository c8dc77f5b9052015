package dev.ember.sql.plan;

import dev.ember.sql.plan.expressions.AttributeReference;
import java.util.List;

/** The single row without columns that a SELECT without FROM reads. */
public record OneRowRelation() implements LeafNode {

  @Override
  public List<AttributeReference> output() {
    return List.of();
  }

  @Override
  public String simpleString() {
    return "OneRowRelation";
  }
}

package dev.ember.sql.plan.objects;

import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.ExprIds;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A logical operator over Java objects, built resolved by the Dataset API (see the package description). */
public interface ObjectOperator extends LogicalPlan {

  /**
   * This operator as read a second time in one query (a self-join): the columns it produces get fresh
   * exprIds, recorded in {@code mapping} (old id to new), and the columns it reads of its children, which
   * have been re-instanced already, are renamed through {@code mapping}.
   */
  LogicalPlan newInstance(Map<Long, Long> mapping);

  /** {@code columns} under fresh exprIds, each recorded in {@code mapping}. */
  static List<AttributeReference> fresh(List<AttributeReference> columns, Map<Long, Long> mapping) {
    List<AttributeReference> out = new ArrayList<>(columns.size());
    for (AttributeReference a : columns) {
      long id = ExprIds.next();
      mapping.put(a.exprId(), id);
      out.add(new AttributeReference(a.name(), a.dataType(), a.nullable(), id, a.qualifier()));
    }
    return out;
  }

  /** {@code columns} renamed through {@code mapping} where it has them. */
  static List<AttributeReference> remap(List<AttributeReference> columns, Map<Long, Long> mapping) {
    List<AttributeReference> out = new ArrayList<>(columns.size());
    for (AttributeReference a : columns) {
      Long id = mapping.get(a.exprId());
      out.add(id == null ? a : new AttributeReference(a.name(), a.dataType(), a.nullable(), id, a.qualifier()));
    }
    return out;
  }
}

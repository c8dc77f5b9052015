package dev.ember.sql.execution.expressions;

import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.BoundReference;
import dev.ember.sql.plan.expressions.Expression;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Replaces attribute references by the positions of those attributes in an operator's input. */
public final class BindReferences {

  private BindReferences() {}

  /** {@code e} with every attribute replaced by its {@link BoundReference} in {@code input}. */
  public static Expression bind(Expression e, List<AttributeReference> input) {
    Map<Long, Integer> ordinals = new HashMap<>();
    for (int i = 0; i < input.size(); i++) {
      ordinals.put(input.get(i).exprId(), i);
    }
    return e.transformUp(node -> {
      if (node instanceof AttributeReference a) {
        Integer ordinal = ordinals.get(a.exprId());
        if (ordinal == null) {
          throw new IllegalStateException("Couldn't find " + a + " in " + input + "; this is a bug");
        }
        return new BoundReference(ordinal, a.dataType(), a.nullable());
      }
      return node;
    });
  }

  /** Every expression of {@code list} bound to {@code input}. */
  public static List<Expression> bindAll(List<? extends Expression> list, List<AttributeReference> input) {
    return list.stream().map(e -> bind(e, input)).toList();
  }
}

package dev.ember.sql.execution.join;

import dev.ember.sql.plan.expressions.And;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.BinaryComparison;
import dev.ember.sql.plan.expressions.ComparisonOperator;
import dev.ember.sql.plan.expressions.Expression;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A join condition split into equi-join keys (conjuncts {@code l = r} or {@code l <=> r} with one side over
 * each input) and the residual condition checked on the pairs with equal keys (Spark's ExtractEquiJoinKeys).
 *
 * @param leftKeys the key expressions over the left input
 * @param rightKeys the matching key expressions over the right input
 * @param nullSafe per key, whether NULL equals NULL ({@code <=>})
 * @param residual the other conjuncts, or null
 */
public record JoinKeys(List<Expression> leftKeys, List<Expression> rightKeys, boolean[] nullSafe,
    Expression residual) {

  /** The keys of {@code condition} (possibly none) between inputs producing {@code left} and {@code right}. */
  public static JoinKeys extract(Expression condition, List<AttributeReference> left,
      List<AttributeReference> right) {
    List<Expression> leftKeys = new ArrayList<>();
    List<Expression> rightKeys = new ArrayList<>();
    List<Boolean> nullSafe = new ArrayList<>();
    Expression residual = null;
    Set<AttributeReference> leftSet = new HashSet<>(left);
    Set<AttributeReference> rightSet = new HashSet<>(right);
    for (Expression conjunct : conjuncts(condition)) {
      if (conjunct instanceof BinaryComparison c && (c.operator() == ComparisonOperator.EQUAL
          || c.operator() == ComparisonOperator.NULL_SAFE_EQUAL)) {
        Expression l = c.left();
        Expression r = c.right();
        if (over(l, leftSet) && over(r, rightSet)) {
          leftKeys.add(l);
          rightKeys.add(r);
          nullSafe.add(c.operator() == ComparisonOperator.NULL_SAFE_EQUAL);
          continue;
        }
        if (over(l, rightSet) && over(r, leftSet)) {
          leftKeys.add(r);
          rightKeys.add(l);
          nullSafe.add(c.operator() == ComparisonOperator.NULL_SAFE_EQUAL);
          continue;
        }
      }
      residual = residual == null ? conjunct : new And(residual, conjunct);
    }
    boolean[] flags = new boolean[nullSafe.size()];
    for (int i = 0; i < flags.length; i++) {
      flags[i] = nullSafe.get(i);
    }
    return new JoinKeys(leftKeys, rightKeys, flags, residual);
  }

  private static boolean over(Expression e, Set<AttributeReference> side) {
    Set<AttributeReference> refs = e.references();
    return !refs.isEmpty() && side.containsAll(refs);
  }

  /** The conjuncts of {@code condition} (none for null). */
  public static List<Expression> conjuncts(Expression condition) {
    List<Expression> out = new ArrayList<>();
    if (condition instanceof And and) {
      out.addAll(conjuncts(and.left()));
      out.addAll(conjuncts(and.right()));
    } else if (condition != null) {
      out.add(condition);
    }
    return out;
  }

  /** Whether there is at least one equi-join key. */
  public boolean isEquiJoin() {
    return !leftKeys.isEmpty();
  }
}

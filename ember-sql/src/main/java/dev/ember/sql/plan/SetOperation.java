package dev.ember.sql.plan;

import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Expression;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * UNION, INTERSECT or EXCEPT of two inputs with the same number of columns, matched by position. The output
 * columns are the left input's, nullable where either side's column is. The analyzer casts both sides to
 * the wider type of each column pair first.
 *
 * @param kind which operation
 * @param all whether duplicates are kept (UNION ALL, INTERSECT ALL, EXCEPT ALL)
 * @param left the first input
 * @param right the second input
 */
public record SetOperation(Kind kind, boolean all, LogicalPlan left, LogicalPlan right) implements LogicalPlan {

  /** The set operations. */
  public enum Kind {
    /** Rows of both inputs. */
    UNION,
    /** Rows present in both inputs. */
    INTERSECT,
    /** Rows of the left input absent from the right. */
    EXCEPT
  }

  /** Validates the operation. */
  public SetOperation {
    Objects.requireNonNull(kind, "kind is null");
  }

  @Override
  public List<LogicalPlan> children() {
    return List.of(left, right);
  }

  @Override
  public LogicalPlan withNewChildren(List<LogicalPlan> c) {
    return new SetOperation(kind, all, c.get(0), c.get(1));
  }

  @Override
  public List<Expression> expressions() {
    return List.of();
  }

  @Override
  public LogicalPlan withNewExpressions(List<Expression> e) {
    return this;
  }

  @Override
  public List<AttributeReference> output() {
    List<AttributeReference> l = left.output();
    List<AttributeReference> r = right.output();
    List<AttributeReference> out = new ArrayList<>(l.size());
    for (int i = 0; i < l.size(); i++) {
      AttributeReference a = l.get(i);
      // INTERSECT only keeps rows of both sides, so a column is nullable only if both are; EXCEPT keeps left rows.
      boolean nullable = switch (kind) {
        case UNION -> a.nullable() || (i < r.size() && r.get(i).nullable());
        case INTERSECT -> a.nullable() && i < r.size() && r.get(i).nullable();
        case EXCEPT -> a.nullable();
      };
      out.add(new AttributeReference(a.name(), a.dataType(), nullable, a.exprId(), a.qualifier()));
    }
    return out;
  }

  @Override
  public String simpleString() {
    String name = kind.name().charAt(0) + kind.name().substring(1).toLowerCase(java.util.Locale.ROOT);
    return name + (all ? " All" : "");
  }
}

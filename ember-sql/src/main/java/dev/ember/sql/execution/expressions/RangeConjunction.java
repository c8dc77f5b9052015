package dev.ember.sql.execution.expressions;

import dev.ember.sql.execution.vector.BooleanColumnVector;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.execution.vector.ColumnVectors;
import dev.ember.sql.plan.expressions.And;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.BinaryComparison;
import dev.ember.sql.plan.expressions.BoundReference;
import dev.ember.sql.plan.expressions.ComparisonOperator;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.Literal;

/**
 * A range test written as the AND of two comparisons of one column with literals ({@code d >= DATE
 * '1994-01-01' AND d < DATE '1995-01-01'}, which is how a scan gets both bounds of a column): the column is
 * read once and each value tested against the intersected range in one pass, instead of two comparison
 * vectors and a third for their AND.
 */
final class RangeConjunction {

  private RangeConjunction() {}

  /** {@code and} evaluated as one range test, or null when it is not such a conjunction or no kernel applies. */
  static BooleanColumnVector evaluate(And and, ColumnarBatch batch, int n) {
    if (!(and.left() instanceof BinaryComparison a) || !(and.right() instanceof BinaryComparison b)) {
      return null;
    }
    Expression subject = subject(a);
    // A column only: evaluating it once is then the same as evaluating it for each comparison.
    if (!(subject instanceof BoundReference || subject instanceof AttributeReference) || !subject.equals(subject(b))) {
      return null;
    }
    Literal first = literal(a);
    Literal second = literal(b);
    if (first.value() == null || second.value() == null) {
      return null;
    }
    return ScalarComparisonKernels.between(operator(a), ColumnVectors.constant(first.dataType(), first.value(), 1),
        operator(b), ColumnVectors.constant(second.dataType(), second.value(), 1),
        VectorizedEvaluator.evaluate(subject, batch), n);
  }

  /** The non-literal side of a comparison with a literal, or null. */
  private static Expression subject(BinaryComparison c) {
    if (c.right() instanceof Literal && !(c.left() instanceof Literal)) {
      return c.left();
    }
    if (c.left() instanceof Literal && !(c.right() instanceof Literal)) {
      return c.right();
    }
    return null;
  }

  private static Literal literal(BinaryComparison c) {
    return (Literal) (c.right() instanceof Literal ? c.right() : c.left());
  }

  /** The operator with the subject on the left. */
  private static ComparisonOperator operator(BinaryComparison c) {
    return c.right() instanceof Literal ? c.operator() : ScalarComparisonKernels.flip(c.operator());
  }
}

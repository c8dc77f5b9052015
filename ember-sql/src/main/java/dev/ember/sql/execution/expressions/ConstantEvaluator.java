package dev.ember.sql.execution.expressions;

import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.Literal;

/**
 * Computes a foldable expression once, by running the vectorized evaluator on a batch of one row without
 * columns, so constant folding and VALUES use exactly the semantics of execution.
 */
public final class ConstantEvaluator {

  private static final ColumnarBatch ONE_ROW = new ColumnarBatch(new ColumnVector[0], 1);

  private ConstantEvaluator() {}

  /** The value of {@code e} as a literal; {@code e} must be foldable and resolved. */
  public static Literal evaluate(Expression e) {
    ColumnVector result = VectorizedEvaluator.evaluate(e, ONE_ROW);
    return new Literal(result.getBoxed(0), e.dataType());
  }
}

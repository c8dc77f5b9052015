package dev.ember.sql.execution.expressions;

import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.plan.expressions.And;
import dev.ember.sql.plan.expressions.BinaryArithmetic;
import dev.ember.sql.plan.expressions.BinaryComparison;
import dev.ember.sql.plan.expressions.BoundReference;
import dev.ember.sql.plan.expressions.Cast;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.IsNotNull;
import dev.ember.sql.plan.expressions.IsNull;
import dev.ember.sql.plan.expressions.Literal;
import dev.ember.sql.plan.expressions.Not;
import dev.ember.sql.plan.expressions.Or;
import dev.ember.sql.plan.expressions.UnaryMinus;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Bound expressions evaluated together over a batch, with the subexpressions they share computed once
 * (Spark's subexpression elimination): TPC-H q1's {@code sum(price * (1 - discount))} and
 * {@code sum(price * (1 - discount) * (1 + tax))} compute the product once per batch. Each shared
 * subexpression becomes an extra column after the input's; {@link #expressions()} read those columns from
 * the batch {@link #extend} returns. Only deterministic arithmetic, casts, comparisons and logic over columns
 * and literals are shared, so evaluating them once cannot change a result or an error.
 */
public final class CommonSubexpressions implements Serializable {

  private static final long serialVersionUID = 1L;
  private final int inputWidth;
  /** The shared subexpressions: {@code common[j]} is column {@code inputWidth + j}, reads earlier ones. */
  private final Expression[] common;
  private final List<Expression> expressions;

  private CommonSubexpressions(int inputWidth, Expression[] common, List<Expression> expressions) {
    this.inputWidth = inputWidth;
    this.common = common;
    this.expressions = List.copyOf(expressions);
  }

  /** {@code expressions}, bound to an input of {@code inputWidth} columns, with their shared parts found. */
  public static CommonSubexpressions of(List<Expression> expressions, int inputWidth) {
    List<Expression> current = new ArrayList<>(expressions);
    List<Expression> common = new ArrayList<>();
    while (true) {
      Map<Expression, Integer> counts = new HashMap<>();
      for (Expression e : current) {
        count(e, counts);
      }
      Expression shared = null;
      int sharedSize = 0;
      for (Map.Entry<Expression, Integer> entry : counts.entrySet()) {
        int size = size(entry.getKey());
        if (entry.getValue() > 1 && size > sharedSize) {
          shared = entry.getKey();
          sharedSize = size;
        }
      }
      if (shared == null) {
        break;
      }
      Expression target = shared;
      BoundReference column = new BoundReference(inputWidth + common.size(), shared.dataType(),
          shared.nullable());
      current.replaceAll(e -> e.transformDown(node -> node.equals(target) ? column : node));
      common.add(shared);
    }
    return new CommonSubexpressions(inputWidth, common.toArray(new Expression[0]), current);
  }

  /** Counts every shareable subtree of {@code e} that is not a leaf, outermost ones only once per place. */
  private static void count(Expression e, Map<Expression, Integer> counts) {
    if (shareable(e)) {
      counts.merge(e, 1, Integer::sum);
    }
    for (Expression child : e.children()) {
      count(child, counts);
    }
  }

  private static boolean shareable(Expression e) {
    return isShareableNode(e) && e.children().stream().allMatch(CommonSubexpressions::shareableOrLeaf);
  }

  private static boolean shareableOrLeaf(Expression e) {
    return e instanceof BoundReference || e instanceof Literal || shareable(e);
  }

  private static boolean isShareableNode(Expression e) {
    return e instanceof BinaryArithmetic || e instanceof UnaryMinus || e instanceof Cast
        || e instanceof BinaryComparison || e instanceof And || e instanceof Or || e instanceof Not
        || e instanceof IsNull || e instanceof IsNotNull;
  }

  private static int size(Expression e) {
    int size = 1;
    for (Expression child : e.children()) {
      size += size(child);
    }
    return size;
  }

  /** The expressions, reading the shared subexpressions from the columns {@link #extend} adds. */
  public List<Expression> expressions() {
    return expressions;
  }

  /** The number of shared subexpressions. */
  public int sharedCount() {
    return common.length;
  }

  /**
   * {@code batch} with the shared subexpressions' values appended as columns ({@code batch} itself when
   * nothing is shared).
   */
  public ColumnarBatch extend(ColumnarBatch batch) {
    if (common.length == 0) {
      return batch;
    }
    ColumnVector[] columns = new ColumnVector[inputWidth + common.length];
    for (int c = 0; c < inputWidth; c++) {
      columns[c] = batch.column(c);
    }
    // The largest shared subexpression is taken first and replaced in the expressions only: a later one may
    // read an earlier one's column (it was chosen among expressions already rewritten), never the reverse.
    ColumnarBatch extended = batch;
    for (int j = 0; j < common.length; j++) {
      columns[inputWidth + j] = VectorizedEvaluator.evaluate(common[j], extended);
      extended = new ColumnarBatch(columns, batch.numRows());
    }
    return new ColumnarBatch(columns, batch.numRows());
  }
}

package dev.ember.sql.execution.expressions;

import dev.ember.sql.execution.joinfilter.RuntimeFilterPredicate;
import dev.ember.sql.execution.vector.BooleanColumnVector;
import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.ColumnVectors;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.execution.vector.IntColumnVector;
import dev.ember.sql.execution.vector.LongColumnVector;
import dev.ember.sql.execution.vector.StringColumnVector;
import dev.ember.sql.plan.expressions.Alias;
import dev.ember.sql.plan.expressions.And;
import dev.ember.sql.plan.expressions.BinaryArithmetic;
import dev.ember.sql.plan.expressions.BinaryComparison;
import dev.ember.sql.plan.expressions.BoundReference;
import dev.ember.sql.plan.expressions.CaseWhen;
import dev.ember.sql.plan.expressions.Cast;
import dev.ember.sql.plan.expressions.ComparisonOperator;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.In;
import dev.ember.sql.plan.expressions.IsNotNull;
import dev.ember.sql.plan.expressions.IsNull;
import dev.ember.sql.plan.expressions.Like;
import dev.ember.sql.plan.expressions.Literal;
import dev.ember.sql.plan.expressions.Not;
import dev.ember.sql.plan.expressions.Or;
import dev.ember.sql.plan.expressions.ScalarFunction;
import dev.ember.sql.plan.expressions.UnaryMinus;
import dev.ember.sql.plan.expressions.UserDefinedFunctionCall;
import dev.ember.sql.types.DataTypes;

/**
 * Evaluates a bound expression over a whole batch, one column at a time: the dispatch on the expression kind
 * happens once per node and batch, and the kernels it calls loop over primitive arrays.
 */
public final class VectorizedEvaluator {

  private VectorizedEvaluator() {}

  /** The value of {@code e} for every row of {@code batch}; {@code e} must be bound (no attributes). */
  public static ColumnVector evaluate(Expression e, ColumnarBatch batch) {
    int n = batch.numRows();
    if (e instanceof BoundReference ref) {
      return batch.column(ref.ordinal());
    }
    if (e instanceof Literal literal) {
      return ColumnVectors.constant(literal.dataType(), literal.value(), n);
    }
    if (e instanceof Alias alias) {
      return evaluate(alias.child(), batch);
    }
    if (e instanceof BinaryArithmetic a) {
      return TypedArithmetic.apply(a, evaluate(a.left(), batch), evaluate(a.right(), batch), n);
    }
    if (e instanceof UnaryMinus minus) {
      return TypedArithmetic.negate(evaluate(minus.child(), batch), n);
    }
    if (e instanceof BinaryComparison c) {
      return comparison(c.operator(), c.left(), c.right(), batch, n);
    }
    if (e instanceof And and) {
      BooleanColumnVector range = RangeConjunction.evaluate(and, batch, n);
      if (range != null) {
        return range;
      }
      return LogicKernels.and(bool(evaluate(and.left(), batch)), bool(evaluate(and.right(), batch)), n);
    }
    if (e instanceof Or or) {
      return LogicKernels.or(bool(evaluate(or.left(), batch)), bool(evaluate(or.right(), batch)), n);
    }
    if (e instanceof Not not) {
      return LogicKernels.not(bool(evaluate(not.child(), batch)), n);
    }
    if (e instanceof IsNull isNull) {
      return LogicKernels.isNull(evaluate(isNull.child(), batch), n, true);
    }
    if (e instanceof IsNotNull isNotNull) {
      return LogicKernels.isNull(evaluate(isNotNull.child(), batch), n, false);
    }
    return evaluateComposite(e, batch, n);
  }

  /** {@code left op right}, through the scalar kernels when one side is a literal. */
  private static ColumnVector comparison(ComparisonOperator op, Expression left, Expression right,
      ColumnarBatch batch, int n) {
    if (right instanceof Literal && !(left instanceof Literal)) {
      return comparison(op, evaluate(left, batch), right, batch, n);
    }
    if (left instanceof Literal k && !(right instanceof Literal)) {
      ColumnVector r = evaluate(right, batch);
      BooleanColumnVector out = ScalarComparisonKernels.compare(op, r,
          ColumnVectors.constant(k.dataType(), k.value(), 1), true, n);
      return out != null ? out : ComparisonKernels.compare(op, evaluate(left, batch), r, n);
    }
    return ComparisonKernels.compare(op, evaluate(left, batch), evaluate(right, batch), n);
  }

  /** {@code left op right} for an evaluated left side. */
  private static ColumnVector comparison(ComparisonOperator op, ColumnVector left, Expression right,
      ColumnarBatch batch, int n) {
    if (right instanceof Literal k) {
      BooleanColumnVector out = ScalarComparisonKernels.compare(op, left,
          ColumnVectors.constant(k.dataType(), k.value(), 1), false, n);
      if (out != null) {
        return out;
      }
    }
    return ComparisonKernels.compare(op, left, evaluate(right, batch), n);
  }

  private static ColumnVector evaluateComposite(Expression e, ColumnarBatch batch, int n) {
    if (e instanceof In in) {
      BooleanColumnVector prefixes = prefixIn(in, batch, n);
      if (prefixes != null) {
        return prefixes;
      }
      ColumnVector value = evaluate(in.value(), batch);
      String[] strings = value instanceof StringColumnVector ? stringConstants(in) : null;
      if (strings != null) {
        return ScalarComparisonKernels.in((StringColumnVector) value, strings, n);
      }
      long[] integral = integralConstants(in, value);
      BooleanColumnVector bitmap = integral == null ? null : ScalarComparisonKernels.in(value, integral, n);
      if (bitmap != null) {
        return bitmap;
      }
      BooleanColumnVector result = LogicKernels.allFalse(n);
      for (Expression candidate : in.list()) {
        ColumnVector equal = comparison(ComparisonOperator.EQUAL, value, candidate, batch, n);
        result = LogicKernels.or(result, bool(equal), n);
      }
      return result;
    }
    if (e instanceof Like like) {
      ColumnVector input = evaluate(like.left(), batch);
      if (like.pattern() instanceof Literal pattern) {
        // The common case: one pattern, compiled once for the batch.
        return StringKernels.like(input, pattern.value() == null ? null
            : LikeMatcher.of((String) pattern.value()), n);
      }
      return StringKernels.like(input, evaluate(like.pattern(), batch), n);
    }
    if (e instanceof CaseWhen caseWhen) {
      return caseWhen(caseWhen, batch, n);
    }
    if (e instanceof Cast cast) {
      return CastKernels.cast(evaluate(cast.child(), batch), cast.dataType(), cast.ansi(), cast.timeZone(), n);
    }
    if (e instanceof ScalarFunction f) {
      ColumnVector[] arguments = new ColumnVector[f.arguments().size()];
      for (int i = 0; i < arguments.length; i++) {
        arguments[i] = evaluate(f.arguments().get(i), batch);
      }
      return FunctionKernels.evaluate(f, arguments, n);
    }
    if (e instanceof UserDefinedFunctionCall udf) {
      ColumnVector[] arguments = new ColumnVector[udf.children().size()];
      for (int a = 0; a < arguments.length; a++) {
        arguments[a] = evaluate(udf.children().get(a), batch);
      }
      return UdfKernels.apply(udf, arguments, n);
    }
    if (e instanceof RuntimeFilterPredicate runtimeFilter) {
      return runtimeFilter.filter().test(evaluate(runtimeFilter.child(), batch), n);
    }
    throw new IllegalStateException("Expression " + e.sql() + " (" + e.getClass().getSimpleName()
        + ") cannot be evaluated; the analyzer should have rejected or rewritten it. This is a bug.");
  }

  private static ColumnVector caseWhen(CaseWhen caseWhen, ColumnarBatch batch, int n) {
    ColumnVector out = ColumnVectors.allocate(caseWhen.dataType(), n);
    boolean[] decided = new boolean[n];
    for (int b = 0; b < caseWhen.conditions().size(); b++) {
      BooleanColumnVector condition = bool(evaluate(caseWhen.conditions().get(b), batch));
      ColumnVector value = evaluate(caseWhen.values().get(b), batch);
      for (int i = 0; i < n; i++) {
        if (!decided[i] && !condition.nulls[i] && condition.values[i]) {
          out.copyFrom(i, value, i);
          decided[i] = true;
        }
      }
    }
    ColumnVector otherwise = evaluate(caseWhen.elseValue(), batch);
    boolean nullElse = caseWhen.elseValue().dataType() == DataTypes.NullType;
    for (int i = 0; i < n; i++) {
      if (!decided[i]) {
        if (nullElse) {
          out.nulls[i] = true;
        } else {
          out.copyFrom(i, otherwise, i);
        }
      }
    }
    return out;
  }

  /**
   * The candidates of {@code in} when {@code value} is an int or long vector and all are non-null literals of
   * its type, else null.
   */
  private static long[] integralConstants(In in, ColumnVector value) {
    boolean ints = value instanceof IntColumnVector && value.dataType() == DataTypes.IntegerType;
    boolean longs = value instanceof LongColumnVector && value.dataType() == DataTypes.LongType;
    if (!ints && !longs) {
      return null;
    }
    long[] out = new long[in.list().size()];
    for (int j = 0; j < out.length; j++) {
      if (!(in.list().get(j) instanceof Literal k)) {
        return null;
      }
      if (ints && k.value() instanceof Integer i) {
        out[j] = i;
      } else if (longs && k.value() instanceof Long l) {
        out[j] = l;
      } else {
        return null;
      }
    }
    return out;
  }

  /**
   * {@code substring(s, 1, k) IN ('..', ...)} with a literal {@code k > 0} and string literal candidates, tested on
   * the prefixes of {@code s} in place ({@link ScalarComparisonKernels#prefixIn}); null for any other IN.
   */
  private static BooleanColumnVector prefixIn(In in, ColumnarBatch batch, int n) {
    if (!(in.value() instanceof ScalarFunction f) || !f.name().equals("substring") || f.arguments().size() != 3
        || !(f.arguments().get(1) instanceof Literal start) || !Integer.valueOf(1).equals(start.value())
        || !(f.arguments().get(2) instanceof Literal length) || !(length.value() instanceof Integer k) || k <= 0) {
      return null;
    }
    String[] candidates = stringConstants(in);
    if (candidates == null) {
      return null;
    }
    ColumnVector strings = evaluate(f.arguments().get(0), batch);
    return strings instanceof StringColumnVector column
        ? ScalarComparisonKernels.prefixIn(column, k, candidates, n) : null;
  }

  /** The candidates of {@code in} when all are non-null string literals, else null. */
  private static String[] stringConstants(In in) {
    String[] out = new String[in.list().size()];
    for (int j = 0; j < out.length; j++) {
      if (!(in.list().get(j) instanceof Literal k) || k.dataType() != DataTypes.StringType
          || !(k.value() instanceof String s)) {
        return null;
      }
      out[j] = s;
    }
    return out;
  }

  static BooleanColumnVector bool(ColumnVector v) {
    return (BooleanColumnVector) v;
  }
}

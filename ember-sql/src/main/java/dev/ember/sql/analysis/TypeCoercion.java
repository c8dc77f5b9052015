package dev.ember.sql.analysis;

import dev.ember.sql.AnalysisException;
import dev.ember.sql.execution.expressions.CastKernels;
import dev.ember.sql.plan.expressions.And;
import dev.ember.sql.plan.expressions.ArithmeticOperator;
import dev.ember.sql.plan.expressions.Average;
import dev.ember.sql.plan.expressions.BinaryArithmetic;
import dev.ember.sql.plan.expressions.BinaryComparison;
import dev.ember.sql.plan.expressions.CaseWhen;
import dev.ember.sql.plan.expressions.Cast;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.In;
import dev.ember.sql.plan.expressions.Like;
import dev.ember.sql.plan.expressions.Not;
import dev.ember.sql.plan.expressions.Or;
import dev.ember.sql.plan.expressions.Sum;
import dev.ember.sql.plan.expressions.UnaryMinus;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Spark's implicit casts in its default (non-ANSI) mode, applied to one resolved node whose children are
 * already coerced: numeric widening (int &lt; bigint &lt; double), strings cast to double in arithmetic and to
 * the other side's type in comparisons, NULL cast to whatever it meets; mismatches become DATATYPE_MISMATCH.
 */
final class TypeCoercion {

  private TypeCoercion() {}

  static Expression coerce(Expression e) {
    Expression special = DateTimeArithmetic.coerce(e);
    special = special != null ? special : DecimalCoercion.coerce(e);
    if (special != null) {
      return special;
    }
    if (e instanceof BinaryArithmetic a) {
      return arithmetic(a);
    }
    if (e instanceof BinaryComparison c) {
      DataType common = comparisonType(c, c.left().dataType(), c.right().dataType());
      return new BinaryComparison(c.operator(), cast(c.left(), common), cast(c.right(), common));
    }
    if (e instanceof And and) {
      return new And(bool(and.left(), e), bool(and.right(), e));
    }
    if (e instanceof Or or) {
      return new Or(bool(or.left(), e), bool(or.right(), e));
    }
    if (e instanceof Not not) {
      return new Not(bool(not.child(), e));
    }
    if (e instanceof UnaryMinus minus) {
      return new UnaryMinus(numeric(minus.child(), e, DataTypes.IntegerType));
    }
    if (e instanceof In in) {
      DataType common = in.value().dataType();
      for (Expression candidate : in.list()) {
        common = comparisonType(e, common, candidate.dataType());
      }
      final DataType type = common;
      return new In(cast(in.value(), type), in.list().stream().map(x -> cast(x, type)).toList());
    }
    if (e instanceof Like like) {
      return new Like(cast(like.left(), DataTypes.StringType), cast(like.pattern(), DataTypes.StringType));
    }
    if (e instanceof CaseWhen caseWhen) {
      return caseWhen(caseWhen);
    }
    if (e instanceof Cast c && !CastKernels.canCast(c.child().dataType(), c.dataType())) {
      throw mismatch("CAST_WITHOUT_SUGGESTION", e, Map.of("srcType", quote(c.child().dataType()),
          "targetType", quote(c.dataType())));
    }
    if (e instanceof Sum sum) {
      DataType type = sum.input().dataType() == DataTypes.DoubleType || sum.input().dataType()
          == DataTypes.StringType ? DataTypes.DoubleType : DataTypes.LongType;
      return new Sum(cast(numeric(sum.input(), e, DataTypes.LongType), type));
    }
    if (e instanceof Average avg) {
      return new Average(cast(numeric(avg.input(), e, DataTypes.DoubleType), DataTypes.DoubleType));
    }
    return e;
  }

  private static Expression arithmetic(BinaryArithmetic a) {
    DataType l = a.left().dataType();
    DataType r = a.right().dataType();
    if (!isArithmeticInput(l) || !isArithmeticInput(r)) {
      DataType bad = isArithmeticInput(l) ? r : l;
      if (!l.equals(r) && l != DataTypes.NullType && r != DataTypes.NullType) {
        throw mismatch("BINARY_OP_DIFF_TYPES", a, Map.of("left", quote(l), "right", quote(r)));
      }
      throw mismatch("BINARY_OP_WRONG_TYPE", a, Map.of("inputType", "\"NUMERIC\"", "actualDataType",
          quote(bad)));
    }
    DataType common;
    if (a.operator() == ArithmeticOperator.DIVIDE || l == DataTypes.StringType || r == DataTypes.StringType) {
      common = DataTypes.DoubleType;
    } else {
      common = widerNumeric(l == DataTypes.NullType ? r : l, r == DataTypes.NullType ? l : r);
      common = common == DataTypes.NullType ? DataTypes.IntegerType : common;
    }
    return new BinaryArithmetic(a.operator(), cast(a.left(), common), cast(a.right(), common));
  }

  private static boolean isArithmeticInput(DataType t) {
    return t.isNumeric() || t == DataTypes.StringType || t == DataTypes.NullType;
  }

  private static Expression caseWhen(CaseWhen caseWhen) {
    List<Expression> conditions = new ArrayList<>();
    for (Expression condition : caseWhen.conditions()) {
      conditions.add(bool(condition, caseWhen));
    }
    DataType common = caseWhen.elseValue().dataType();
    for (Expression value : caseWhen.values()) {
      common = widerType(caseWhen, common, value.dataType());
    }
    final DataType type = common == DataTypes.NullType ? DataTypes.NullType : common;
    return new CaseWhen(conditions, caseWhen.values().stream().map(v -> cast(v, type)).toList(),
        cast(caseWhen.elseValue(), type));
  }

  /** The type both sides of a comparison are cast to. */
  private static DataType comparisonType(Expression e, DataType l, DataType r) {
    if (l.equals(r)) {
      return l;
    }
    if (l == DataTypes.NullType || r == DataTypes.NullType) {
      return l == DataTypes.NullType ? r : l;
    }
    if (l.isNumeric() && r.isNumeric()) {
      return widerNumeric(l, r);
    }
    if (DateTimeArithmetic.widerDateTime(l, r) != null) {
      return DateTimeArithmetic.widerDateTime(l, r);
    }
    if (l == DataTypes.StringType && r != DataTypes.StringType) {
      return r;
    }
    if (r == DataTypes.StringType) {
      return l;
    }
    throw mismatch("BINARY_OP_DIFF_TYPES", e, Map.of("left", quote(l), "right", quote(r)));
  }

  /** The type values of both types widen to, for CASE branches and VALUES columns. */
  static DataType widerType(Expression context, DataType l, DataType r) {
    if (l.equals(r) || r == DataTypes.NullType) {
      return l;
    }
    if (l == DataTypes.NullType) {
      return r;
    }
    if (l.isNumeric() && r.isNumeric()) {
      return widerNumeric(l, r);
    }
    if (l == DataTypes.StringType || r == DataTypes.StringType) {
      return DataTypes.StringType;
    }
    if (DateTimeArithmetic.widerDateTime(l, r) != null) {
      return DateTimeArithmetic.widerDateTime(l, r);
    }
    DataType nested = NestedTypeCoercion.wider(context, l, r);
    if (nested != null) {
      return nested;
    }
    String name = context == null ? "VALUES" : context.sql();
    throw new AnalysisException("DATATYPE_MISMATCH.DATA_DIFF_TYPES", Map.of("sqlExpr", "\"" + name + "\"",
        "functionName", context instanceof CaseWhen ? "`casewhen`" : "`" + name + "`",
        "dataType", "[" + quote(l) + ", " + quote(r) + "]"));
  }

  private static DataType widerNumeric(DataType l, DataType r) {
    if (l != r) {
      return NumericWidening.wider(l, r);
    }
    if (l == DataTypes.DoubleType || r == DataTypes.DoubleType) {
      return DataTypes.DoubleType;
    }
    if (l == DataTypes.LongType || r == DataTypes.LongType) {
      return DataTypes.LongType;
    }
    return l.isNumeric() ? l : r;
  }

  private static Expression bool(Expression child, Expression parent) {
    DataType t = child.dataType();
    if (t == DataTypes.BooleanType) {
      return child;
    }
    if (t == DataTypes.NullType) {
      return new Cast(child, DataTypes.BooleanType);
    }
    throw mismatch("BINARY_OP_WRONG_TYPE", parent, Map.of("inputType", "\"BOOLEAN\"", "actualDataType",
        quote(t)));
  }

  private static Expression numeric(Expression child, Expression parent, DataType nullAs) {
    DataType t = child.dataType();
    if (t.isNumeric()) {
      return child;
    }
    if (t == DataTypes.NullType) {
      return new Cast(child, nullAs);
    }
    if (t == DataTypes.StringType) {
      return new Cast(child, DataTypes.DoubleType);
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("paramIndex", "first");
    parameters.put("requiredType", "\"NUMERIC\"");
    parameters.put("inputSql", "\"" + child.sql() + "\"");
    parameters.put("inputType", quote(t));
    throw mismatch("UNEXPECTED_INPUT_TYPE", parent, parameters);
  }

  static Expression cast(Expression e, DataType to) {
    return e.dataType().equals(to) ? e : new Cast(e, to);
  }

  private static String quote(DataType t) {
    return "\"" + t.sql() + "\"";
  }

  private static AnalysisException mismatch(String subCondition, Expression e, Map<String, String> parameters) {
    Map<String, String> all = new LinkedHashMap<>();
    all.put("sqlExpr", "\"" + e.sql() + "\"");
    all.putAll(parameters);
    return new AnalysisException("DATATYPE_MISMATCH." + subCondition, all);
  }
}

package dev.ember.sql;

import dev.ember.sql.plan.expressions.Alias;
import dev.ember.sql.plan.expressions.And;
import dev.ember.sql.plan.expressions.ArithmeticOperator;
import dev.ember.sql.plan.expressions.BinaryArithmetic;
import dev.ember.sql.plan.expressions.BinaryComparison;
import dev.ember.sql.plan.expressions.CaseWhen;
import dev.ember.sql.plan.expressions.Cast;
import dev.ember.sql.plan.expressions.ComparisonOperator;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.In;
import dev.ember.sql.plan.expressions.IsNotNull;
import dev.ember.sql.plan.expressions.IsNull;
import dev.ember.sql.plan.expressions.Like;
import dev.ember.sql.plan.expressions.Literal;
import dev.ember.sql.plan.expressions.Or;
import dev.ember.sql.plan.expressions.SortOrder;
import dev.ember.sql.plan.expressions.UnaryMinus;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An expression of the DataFrame API: {@code col("a").plus(1).gt(lit(3))}. Arguments that are not columns
 * become literals, as in Spark. Immutable; every method returns a new column.
 */
public final class Column {

  private final Expression expr;

  /** A column over an expression tree. */
  public Column(Expression expr) {
    this.expr = Objects.requireNonNull(expr, "expr is null");
  }

  /** The expression tree. */
  public Expression expr() {
    return expr;
  }

  static Expression toExpr(Object value) {
    return value instanceof Column c ? c.expr : Literal.of(value);
  }

  private Column arithmetic(ArithmeticOperator op, Object other) {
    return new Column(new BinaryArithmetic(op, expr, toExpr(other)));
  }

  private Column compare(ComparisonOperator op, Object other) {
    return new Column(new BinaryComparison(op, expr, toExpr(other)));
  }

  /** {@code this + other}. */
  public Column plus(Object other) {
    return arithmetic(ArithmeticOperator.ADD, other);
  }

  /** {@code this - other}. */
  public Column minus(Object other) {
    return arithmetic(ArithmeticOperator.SUBTRACT, other);
  }

  /** {@code this * other}. */
  public Column multiply(Object other) {
    return arithmetic(ArithmeticOperator.MULTIPLY, other);
  }

  /** {@code this / other}, always a double. */
  public Column divide(Object other) {
    return arithmetic(ArithmeticOperator.DIVIDE, other);
  }

  /** {@code this % other}. */
  public Column mod(Object other) {
    return arithmetic(ArithmeticOperator.REMAINDER, other);
  }

  /** {@code -this}. */
  public Column unary_minus() {
    return new Column(new UnaryMinus(expr));
  }

  /** {@code this = other}. */
  public Column equalTo(Object other) {
    return compare(ComparisonOperator.EQUAL, other);
  }

  /** {@code this <=> other}: equality where NULL equals NULL. */
  public Column eqNullSafe(Object other) {
    return compare(ComparisonOperator.NULL_SAFE_EQUAL, other);
  }

  /** {@code this != other}. */
  public Column notEqual(Object other) {
    return compare(ComparisonOperator.NOT_EQUAL, other);
  }

  /** {@code this > other}. */
  public Column gt(Object other) {
    return compare(ComparisonOperator.GREATER_THAN, other);
  }

  /** {@code this >= other}. */
  public Column geq(Object other) {
    return compare(ComparisonOperator.GREATER_THAN_OR_EQUAL, other);
  }

  /** {@code this < other}. */
  public Column lt(Object other) {
    return compare(ComparisonOperator.LESS_THAN, other);
  }

  /** {@code this <= other}. */
  public Column leq(Object other) {
    return compare(ComparisonOperator.LESS_THAN_OR_EQUAL, other);
  }

  /** {@code this BETWEEN lower AND upper}. */
  public Column between(Object lower, Object upper) {
    return geq(lower).and(leq(upper));
  }

  /** {@code this AND other}. */
  public Column and(Column other) {
    return new Column(new And(expr, other.expr));
  }

  /** {@code this OR other}. */
  public Column or(Column other) {
    return new Column(new Or(expr, other.expr));
  }

  /** {@code this IS NULL}. */
  public Column isNull() {
    return new Column(new IsNull(expr));
  }

  /** {@code this IS NOT NULL}. */
  public Column isNotNull() {
    return new Column(new IsNotNull(expr));
  }

  /** {@code this IN (values...)}. */
  public Column isin(Object... values) {
    List<Expression> list = new ArrayList<>();
    for (Object v : values) {
      list.add(toExpr(v));
    }
    return new Column(new In(expr, list));
  }

  /** {@code this LIKE pattern}. */
  public Column like(String pattern) {
    return new Column(new Like(expr, Literal.of(pattern)));
  }

  /** {@code CAST(this AS to)}. */
  public Column cast(DataType to) {
    return new Column(new Cast(expr, to));
  }

  /** {@code CAST(this AS to)} with a SQL type name such as {@code "int"} or {@code "string"}. */
  public Column cast(String to) {
    DataType type = DataTypes.fromSqlName(to);
    if (type == null) {
      throw AnalysisException.unsupported("the data type " + to.toUpperCase(java.util.Locale.ROOT));
    }
    return cast(type);
  }

  /** This column named {@code alias}. */
  public Column as(String alias) {
    return new Column(new Alias(expr instanceof Alias a ? a.child() : expr, alias));
  }

  /** This column named {@code alias}. */
  public Column alias(String alias) {
    return as(alias);
  }

  /** This column named {@code alias}. */
  public Column name(String alias) {
    return as(alias);
  }

  /** Ascending sort key, NULLs first. */
  public Column asc() {
    return new Column(new SortOrder(expr, true, true));
  }

  /** Ascending sort key, NULLs last. */
  public Column asc_nulls_last() {
    return new Column(new SortOrder(expr, true, false));
  }

  /** Descending sort key, NULLs last. */
  public Column desc() {
    return new Column(new SortOrder(expr, false, false));
  }

  /** Descending sort key, NULLs first. */
  public Column desc_nulls_first() {
    return new Column(new SortOrder(expr, false, true));
  }

  /** This window or aggregate function evaluated over {@code window}: {@code rank().over(w)}. */
  public Column over(dev.ember.sql.expressions.WindowSpec window) {
    return new Column(new dev.ember.sql.plan.expressions.WindowExpression(expr, window.toDefinition()));
  }

  /** This window or aggregate function evaluated over the whole input as one partition. */
  public Column over() {
    return over(dev.ember.sql.expressions.Window.rowsBetween(dev.ember.sql.expressions.Window.unboundedPreceding(),
        dev.ember.sql.expressions.Window.unboundedFollowing()));
  }

  /** Adds a branch to a {@code functions.when(...)} column: {@code when(c1, v1).when(c2, v2)}. */
  public Column when(Column condition, Object value) {
    if (!(expr instanceof CaseWhen caseWhen) || !isOpen(caseWhen)) {
      throw new IllegalArgumentException("when() can only be applied on a Column previously generated by "
          + "when() function, and cannot be applied once otherwise() is applied");
    }
    List<Expression> conditions = new ArrayList<>(caseWhen.conditions());
    List<Expression> values = new ArrayList<>(caseWhen.values());
    conditions.add(condition.expr);
    values.add(toExpr(value));
    return new Column(new CaseWhen(conditions, values, Literal.NULL));
  }

  /** The value when no branch of a {@code when(...)} column holds. */
  public Column otherwise(Object value) {
    if (!(expr instanceof CaseWhen caseWhen) || !isOpen(caseWhen)) {
      throw new IllegalArgumentException("otherwise() can only be applied once on a Column previously "
          + "generated by when()");
    }
    return new Column(new CaseWhen(caseWhen.conditions(), caseWhen.values(), toExpr(value)));
  }

  private static boolean isOpen(CaseWhen caseWhen) {
    return caseWhen.elseValue() == Literal.NULL;
  }

  @Override
  public String toString() {
    return expr.sql();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Column that && expr.equals(that.expr);
  }

  @Override
  public int hashCode() {
    return expr.hashCode();
  }

  /** Element {@code key} of an array (0-based) or the value of map key {@code key}: Spark's {@code a[key]}. */
  public Column getItem(Object key) {
    return new Column(new dev.ember.sql.plan.expressions.UnresolvedFunction("__extract_value",
        java.util.List.of(expr, toExpr(key)), false, dev.ember.sql.plan.expressions.Origin.NONE));
  }

  /** Field {@code name} of a struct: Spark's {@code s.name}. */
  public Column getField(String name) {
    return new Column(new dev.ember.sql.plan.expressions.UnresolvedFunction("__extract_field",
        java.util.List.of(expr, toExpr(name)), false, dev.ember.sql.plan.expressions.Origin.NONE));
  }
}

package dev.ember.sql.parser;

import dev.ember.sql.AnalysisException;
import dev.ember.sql.parser.EmberSqlParser.ArithmeticBinaryContext;
import dev.ember.sql.parser.EmberSqlParser.ComparisonContext;
import dev.ember.sql.parser.EmberSqlParser.IdentifierContext;
import dev.ember.sql.parser.EmberSqlParser.PredicateContext;
import dev.ember.sql.parser.EmberSqlParser.PredicatedContext;
import dev.ember.sql.parser.EmberSqlParser.StrictIdentifierContext;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.expressions.And;
import dev.ember.sql.plan.expressions.ArithmeticOperator;
import dev.ember.sql.plan.expressions.BinaryArithmetic;
import dev.ember.sql.plan.expressions.BinaryComparison;
import dev.ember.sql.plan.expressions.CaseWhen;
import dev.ember.sql.plan.expressions.Cast;
import dev.ember.sql.plan.expressions.ComparisonOperator;
import dev.ember.sql.plan.expressions.Exists;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.In;
import dev.ember.sql.plan.expressions.InSubquery;
import dev.ember.sql.plan.expressions.IsNotNull;
import dev.ember.sql.plan.expressions.IsNull;
import dev.ember.sql.plan.expressions.Like;
import dev.ember.sql.plan.expressions.Literal;
import dev.ember.sql.plan.expressions.Not;
import dev.ember.sql.plan.expressions.Or;
import dev.ember.sql.plan.expressions.Origin;
import dev.ember.sql.plan.expressions.ScalarSubquery;
import dev.ember.sql.plan.expressions.UnaryMinus;
import dev.ember.sql.plan.expressions.UnresolvedAttribute;
import dev.ember.sql.plan.expressions.UnresolvedFunction;
import dev.ember.sql.plan.expressions.UnresolvedStar;
import dev.ember.sql.plan.expressions.WindowExpression;
import dev.ember.sql.plan.expressions.WindowSpecDefinition;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.antlr.v4.runtime.ParserRuleContext;

/** Builds unresolved expressions from parse trees. */
final class ExpressionBuilder extends EmberSqlBaseVisitor<Expression> {

  /** The windows of the enclosing query's WINDOW clause, by lower-case name. */
  Map<String, WindowSpecDefinition> namedWindows = Map.of();
  private final Function<EmberSqlParser.QueryContext, LogicalPlan> queries;

  /** A builder of expressions whose subqueries are built by {@code queries}. */
  ExpressionBuilder(Function<EmberSqlParser.QueryContext, LogicalPlan> queries) {
    this.queries = queries;
  }

  static Origin origin(ParserRuleContext ctx) {
    return new Origin(ctx.getStart().getLine(), ctx.getStart().getCharPositionInLine());
  }

  static String identifier(IdentifierContext ctx) {
    return identifier(ctx.strictIdentifier());
  }

  static String identifier(StrictIdentifierContext ctx) {
    String text = ctx.getText();
    if (ctx.BACKQUOTED_IDENTIFIER() != null) {
      return text.substring(1, text.length() - 1).replace("``", "`");
    }
    return text;
  }

  static List<String> identifiers(List<IdentifierContext> parts) {
    List<String> names = new ArrayList<>(parts.size());
    for (IdentifierContext part : parts) {
      names.add(identifier(part));
    }
    return names;
  }

  /** The values of one VALUES row: a row constructor's fields, or a single expression. */
  List<Expression> rowValues(EmberSqlParser.ExpressionContext ctx) {
    Expression e = visit(ctx);
    return e instanceof RowConstructor row ? row.fields() : List.of(e);
  }

  @Override
  public Expression visitExpression(EmberSqlParser.ExpressionContext ctx) {
    return visit(ctx.booleanExpression());
  }

  @Override
  public Expression visitLogicalNot(EmberSqlParser.LogicalNotContext ctx) {
    return new Not(visit(ctx.booleanExpression()));
  }

  @Override
  public Expression visitLogicalBinary(EmberSqlParser.LogicalBinaryContext ctx) {
    Expression left = visit(ctx.left);
    Expression right = visit(ctx.right);
    return ctx.AND() != null ? new And(left, right) : new Or(left, right);
  }

  @Override
  public Expression visitPredicated(PredicatedContext ctx) {
    Expression value = visit(ctx.valueExpression());
    PredicateContext p = ctx.predicate();
    if (p == null) {
      return value;
    }
    Expression result;
    if (p.query() != null) {
      result = new InSubquery(value, queries.apply(p.query()));
      return p.NOT() == null ? result : new Not(result);
    }
    switch (p.kind.getType()) {
      case EmberSqlParser.BETWEEN -> result = new And(
          new BinaryComparison(ComparisonOperator.GREATER_THAN_OR_EQUAL, value, visit(p.lower)),
          new BinaryComparison(ComparisonOperator.LESS_THAN_OR_EQUAL, value, visit(p.upper)));
      case EmberSqlParser.IN -> {
        List<Expression> list = new ArrayList<>();
        for (EmberSqlParser.ExpressionContext e : p.expression()) {
          list.add(visit(e));
        }
        result = new In(value, list);
      }
      case EmberSqlParser.LIKE -> result = new Like(value, visit(p.pattern));
      case EmberSqlParser.NULL -> {
        return p.NOT() == null ? new IsNull(value) : new IsNotNull(value);
      }
      default -> throw new IllegalStateException("unknown predicate " + p.getText());
    }
    return p.NOT() == null ? result : new Not(result);
  }

  @Override
  public Expression visitValueExpressionDefault(EmberSqlParser.ValueExpressionDefaultContext ctx) {
    return visit(ctx.primaryExpression());
  }

  @Override
  public Expression visitArithmeticUnary(EmberSqlParser.ArithmeticUnaryContext ctx) {
    Expression child = visit(ctx.valueExpression());
    if (ctx.MINUS() == null) {
      return child;
    }
    // Fold the sign into numeric literals so that -2147483648 is an int, as in Spark.
    if (child instanceof Literal literal && literal.value() instanceof Number) {
      return negate(literal);
    }
    return new UnaryMinus(child);
  }

  private static Literal negate(Literal literal) {
    Object v = literal.value();
    if (v instanceof java.math.BigDecimal d) {
      return new Literal(d.negate(), literal.dataType());
    }
    if (literal.dataType() != DataTypes.IntegerType && v instanceof Integer i) {
      return new Literal(-i, literal.dataType());
    }
    if (literal.dataType() != DataTypes.LongType && v instanceof Long l) {
      return new Literal(-l, literal.dataType());
    }
    if (v instanceof Integer i) {
      return new Literal(-i, DataTypes.IntegerType);
    }
    if (v instanceof Long l) {
      // -2147483648 is an int, as in Spark, whose grammar puts the sign inside the literal.
      return -l == Integer.MIN_VALUE ? Literal.of(Integer.MIN_VALUE) : new Literal(-l, DataTypes.LongType);
    }
    return new Literal(-((Double) v), literal.dataType());
  }

  @Override
  public Expression visitArithmeticBinary(ArithmeticBinaryContext ctx) {
    ArithmeticOperator op = switch (ctx.op.getType()) {
      case EmberSqlParser.PLUS -> ArithmeticOperator.ADD;
      case EmberSqlParser.MINUS -> ArithmeticOperator.SUBTRACT;
      case EmberSqlParser.ASTERISK -> ArithmeticOperator.MULTIPLY;
      case EmberSqlParser.SLASH -> ArithmeticOperator.DIVIDE;
      default -> ArithmeticOperator.REMAINDER;
    };
    return new BinaryArithmetic(op, visit(ctx.left), visit(ctx.right));
  }

  @Override
  public Expression visitComparison(ComparisonContext ctx) {
    ComparisonOperator op = switch (ctx.comparisonOperator().getText()) {
      case "=", "==" -> ComparisonOperator.EQUAL;
      case "<=>" -> ComparisonOperator.NULL_SAFE_EQUAL;
      case "<>", "!=" -> ComparisonOperator.NOT_EQUAL;
      case "<" -> ComparisonOperator.LESS_THAN;
      case "<=" -> ComparisonOperator.LESS_THAN_OR_EQUAL;
      case ">" -> ComparisonOperator.GREATER_THAN;
      default -> ComparisonOperator.GREATER_THAN_OR_EQUAL;
    };
    return new BinaryComparison(op, visit(ctx.left), visit(ctx.right));
  }

  @Override
  public Expression visitSearchedCase(EmberSqlParser.SearchedCaseContext ctx) {
    List<Expression> conditions = new ArrayList<>();
    List<Expression> values = new ArrayList<>();
    for (EmberSqlParser.WhenClauseContext when : ctx.whenClause()) {
      conditions.add(visit(when.condition));
      values.add(visit(when.result));
    }
    Expression otherwise = ctx.elseExpression == null ? Literal.NULL : visit(ctx.elseExpression);
    return new CaseWhen(conditions, values, otherwise);
  }

  @Override
  public Expression visitSimpleCase(EmberSqlParser.SimpleCaseContext ctx) {
    Expression value = visit(ctx.value);
    List<Expression> conditions = new ArrayList<>();
    List<Expression> values = new ArrayList<>();
    for (EmberSqlParser.WhenClauseContext when : ctx.whenClause()) {
      conditions.add(new BinaryComparison(ComparisonOperator.EQUAL, value, visit(when.condition)));
      values.add(visit(when.result));
    }
    Expression otherwise = ctx.elseExpression == null ? Literal.NULL : visit(ctx.elseExpression);
    return new CaseWhen(conditions, values, otherwise);
  }

  @Override
  public Expression visitCast(EmberSqlParser.CastContext ctx) {
    return new Cast(visit(ctx.expression()), dataType(ctx.dataType()));
  }

  static DataType dataType(EmberSqlParser.DataTypeContext ctx) {
    if (ctx.LT() != null) {
      return NestedTypes.dataType(ctx);
    }
    String name = identifier(ctx.identifier());
    DataType type = ctx.INTEGER_VALUE().isEmpty() ? DataTypes.fromSqlName(name)
        : DataTypes.fromSqlName(ctx.getText());
    if (type == null) {
      throw AnalysisException.unsupported("the data type " + ctx.getText().toUpperCase(java.util.Locale.ROOT));
    }
    return type;
  }

  @Override
  public Expression visitExtract(EmberSqlParser.ExtractContext ctx) {
    // EXTRACT(YEAR FROM d) is the function of the field's name, as in Spark.
    return new UnresolvedFunction("extract", List.of(Literal.of(identifier(ctx.field)), visit(ctx.source)),
        false, origin(ctx));
  }

  @Override
  public Expression visitStar(EmberSqlParser.StarContext ctx) {
    return new UnresolvedStar(ctx.qualifier.stream().map(ExpressionBuilder::identifier).toList());
  }

  @Override
  public Expression visitFunctionCallStar(EmberSqlParser.FunctionCallStarContext ctx) {
    String name = identifier(ctx.functionName);
    if (!name.equalsIgnoreCase("count")) {
      throw new AnalysisException("PARSE_SYNTAX_ERROR", Map.of("error", "'*'", "hint", ""),
          ctx.ASTERISK().getSymbol().getLine(), ctx.ASTERISK().getSymbol().getCharPositionInLine(), "");
    }
    // count(*) counts rows: Spark rewrites it to count(1).
    return new UnresolvedFunction(name, List.of(Literal.of(1)), false, origin(ctx));
  }

  @Override
  public Expression visitFunctionCall(EmberSqlParser.FunctionCallContext ctx) {
    List<Expression> arguments = new ArrayList<>();
    for (EmberSqlParser.ExpressionContext e : ctx.expression()) {
      arguments.add(visit(e));
    }
    boolean distinct = ctx.setQuantifier() != null && ctx.setQuantifier().DISTINCT() != null;
    return new UnresolvedFunction(identifier(ctx.functionName), arguments, distinct, origin(ctx));
  }

  @Override
  public Expression visitWindowCall(EmberSqlParser.WindowCallContext ctx) {
    List<Expression> arguments = new ArrayList<>();
    for (EmberSqlParser.ExpressionContext e : ctx.expression()) {
      arguments.add(visit(e));
    }
    boolean distinct = ctx.setQuantifier() != null && ctx.setQuantifier().DISTINCT() != null;
    Expression function = new UnresolvedFunction(identifier(ctx.functionName), arguments, distinct, origin(ctx));
    return new WindowExpression(function, WindowSpecs.spec(this, ctx.windowSpec()));
  }

  @Override
  public Expression visitWindowCallStar(EmberSqlParser.WindowCallStarContext ctx) {
    String name = identifier(ctx.functionName);
    if (!name.equalsIgnoreCase("count")) {
      throw new AnalysisException("PARSE_SYNTAX_ERROR", Map.of("error", "'*'", "hint", ""),
          ctx.ASTERISK().getSymbol().getLine(), ctx.ASTERISK().getSymbol().getCharPositionInLine(), "");
    }
    Expression function = new UnresolvedFunction(name, List.of(Literal.of(1)), false, origin(ctx));
    return new WindowExpression(function, WindowSpecs.spec(this, ctx.windowSpec()));
  }

  @Override
  public Expression visitRowConstructor(EmberSqlParser.RowConstructorContext ctx) {
    List<Expression> fields = new ArrayList<>();
    for (EmberSqlParser.ExpressionContext e : ctx.expression()) {
      fields.add(visit(e));
    }
    return new RowConstructor(fields);
  }

  @Override
  public Expression visitParenthesizedExpression(EmberSqlParser.ParenthesizedExpressionContext ctx) {
    return visit(ctx.expression());
  }

  @Override
  public Expression visitColumnReference(EmberSqlParser.ColumnReferenceContext ctx) {
    return new UnresolvedAttribute(identifiers(ctx.identifier()), origin(ctx));
  }

  @Override
  public Expression visitSubscript(EmberSqlParser.SubscriptContext ctx) {
    return NestedTypes.extractValue(visit(ctx.value), visit(ctx.index), origin(ctx));
  }

  @Override
  public Expression visitDereference(EmberSqlParser.DereferenceContext ctx) {
    return NestedTypes.extractField(visit(ctx.base), Literal.of(identifier(ctx.fieldName)), origin(ctx));
  }

  @Override
  public Expression visitExists(EmberSqlParser.ExistsContext ctx) {
    return new Exists(queries.apply(ctx.query()));
  }

  @Override
  public Expression visitSubqueryExpression(EmberSqlParser.SubqueryExpressionContext ctx) {
    return new ScalarSubquery(queries.apply(ctx.query()), origin(ctx));
  }

  @Override
  public Expression visitConstantDefault(EmberSqlParser.ConstantDefaultContext ctx) {
    return Literals.of(ctx.constant());
  }
}

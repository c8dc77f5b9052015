package dev.ember.sql.parser;

import dev.ember.sql.AnalysisException;
import dev.ember.sql.parser.EmberSqlParser.JoinRelationContext;
import dev.ember.sql.parser.EmberSqlParser.JoinTypeContext;
import dev.ember.sql.parser.EmberSqlParser.RelationContext;
import dev.ember.sql.parser.EmberSqlParser.SetOperationContext;
import dev.ember.sql.plan.Distinct;
import dev.ember.sql.plan.Join;
import dev.ember.sql.plan.JoinType;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.NaturalJoin;
import dev.ember.sql.plan.SetOperation;
import dev.ember.sql.plan.UsingJoin;
import dev.ember.sql.plan.expressions.Expression;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.Token;

/** Builds the plans of FROM lists, JOIN clauses and set operations. */
final class JoinBuilder {

  private JoinBuilder() {}

  /** {@code FROM a, b, c}: inner joins without condition; the WHERE clause usually connects them. */
  static LogicalPlan commaJoin(AstBuilder builder, List<RelationContext> relations) {
    LogicalPlan plan = (LogicalPlan) builder.visit(relations.get(0));
    for (int i = 1; i < relations.size(); i++) {
      plan = new Join(plan, (LogicalPlan) builder.visit(relations.get(i)), JoinType.INNER, null);
    }
    return plan;
  }

  /** A relation followed by its JOIN clauses, joined left to right. */
  static LogicalPlan relation(AstBuilder builder, ExpressionBuilder expressions, RelationContext ctx) {
    LogicalPlan plan = (LogicalPlan) builder.visit(ctx.relationPrimary());
    for (JoinRelationContext join : ctx.joinRelation()) {
      LogicalPlan right = (LogicalPlan) builder.visit(join.right);
      JoinType type = joinType(join.joinType());
      if (join.NATURAL() != null) {
        plan = naturalJoin(plan, right, type, join.NATURAL().getSymbol());
      } else if (join.joinCriteria() == null) {
        plan = new Join(plan, right, type, null);
      } else if (join.joinCriteria().USING() != null) {
        List<String> columns = ExpressionBuilder.identifiers(join.joinCriteria().identifierList().identifier());
        plan = new UsingJoin(plan, right, type, columns);
      } else {
        Expression condition = expressions.visit(join.joinCriteria().booleanExpression());
        plan = new Join(plan, right, type, condition);
      }
    }
    return plan;
  }

  /** {@code NATURAL ... JOIN}; Spark rejects {@code NATURAL CROSS JOIN} with INCOMPATIBLE_JOIN_TYPES. */
  private static LogicalPlan naturalJoin(LogicalPlan left, LogicalPlan right, JoinType type, Token natural) {
    if (type == JoinType.CROSS) {
      Map<String, String> parameters = new LinkedHashMap<>();
      parameters.put("joinType1", "NATURAL");
      parameters.put("joinType2", "CROSS");
      throw new AnalysisException("INCOMPATIBLE_JOIN_TYPES", parameters, natural.getLine(),
          natural.getCharPositionInLine(), "");
    }
    return new NaturalJoin(left, right, type);
  }

  private static JoinType joinType(JoinTypeContext ctx) {
    if (ctx.CROSS() != null) {
      return JoinType.CROSS;
    }
    if (ctx.SEMI() != null) {
      return JoinType.LEFT_SEMI;
    }
    if (ctx.ANTI() != null) {
      return JoinType.LEFT_ANTI;
    }
    if (ctx.LEFT() != null) {
      return JoinType.LEFT_OUTER;
    }
    if (ctx.RIGHT() != null) {
      return JoinType.RIGHT_OUTER;
    }
    return ctx.FULL() != null ? JoinType.FULL_OUTER : JoinType.INNER;
  }

  /** UNION [ALL | DISTINCT], INTERSECT, EXCEPT / MINUS; without ALL the result is distinct. */
  static LogicalPlan setOperation(SetOperationContext ctx, LogicalPlan left, LogicalPlan right) {
    boolean all = ctx.setQuantifier() != null && ctx.setQuantifier().ALL() != null;
    SetOperation.Kind kind = switch (ctx.operator.getType()) {
      case EmberSqlParser.UNION -> SetOperation.Kind.UNION;
      case EmberSqlParser.INTERSECT -> SetOperation.Kind.INTERSECT;
      default -> SetOperation.Kind.EXCEPT;
    };
    if (kind == SetOperation.Kind.UNION) {
      SetOperation union = new SetOperation(kind, true, left, right);
      return all ? union : new Distinct(union);
    }
    return new SetOperation(kind, all, left, right);
  }
}

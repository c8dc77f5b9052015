package dev.ember.sql.analysis;

import dev.ember.sql.AnalysisException;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.Project;
import dev.ember.sql.plan.expressions.Alias;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Cast;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.InSubquery;
import dev.ember.sql.plan.expressions.OuterReference;
import dev.ember.sql.plan.expressions.ScalarSubquery;
import dev.ember.sql.plan.expressions.SubqueryExpression;
import dev.ember.sql.plan.expressions.UnresolvedAttribute;
import dev.ember.sql.types.DataType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Resolves the subqueries of an expression (scalar, EXISTS, IN) with the enclosing operator's columns as
 * the outer scope, and marks the names of a correlated subquery that resolve only in the outer scope as
 * {@link OuterReference}s. Each subquery plan gets fresh column identities, so that after decorrelation
 * into a join its columns never clash with the outer query's.
 */
final class SubqueryResolver {

  private SubqueryResolver() {}

  /**
   * {@code e} with its subquery plans resolved by {@code analyzeInScope(plan, outerScope)}, and names only
   * {@code outer} knows marked as outer references.
   */
  static Expression resolveSubqueries(Expression e, List<AttributeReference> input,
      List<AttributeReference> outer, BiFunction<LogicalPlan, List<AttributeReference>, LogicalPlan> analyzeInScope) {
    Expression marked = outer.isEmpty() ? e : e.transformUp(x -> {
      if (x instanceof UnresolvedAttribute u && ExpressionResolver.lookup(u, input).isEmpty()) {
        return ExpressionResolver.lookup(u, outer).map(a -> (Expression) new OuterReference(a)).orElse(u);
      }
      return x;
    });
    if (!marked.exists(x -> x instanceof SubqueryExpression)) {
      return marked;
    }
    List<AttributeReference> scope = new ArrayList<>(input);
    scope.addAll(outer);
    return marked.transformUp(x -> {
      if (x instanceof SubqueryExpression s && !s.plan().resolved()) {
        LogicalPlan plan = DeduplicateRelations.newInstance(analyzeInScope.apply(s.plan(), scope));
        if (x instanceof ScalarSubquery && plan.output().size() != 1) {
          throw new AnalysisException("INVALID_SUBQUERY_EXPRESSION."
              + "SCALAR_SUBQUERY_RETURN_MORE_THAN_ONE_OUTPUT_COLUMN",
              Map.of("number", String.valueOf(plan.output().size())));
        }
        return s.withNewPlan(plan);
      }
      return x;
    });
  }

  /** {@code e} with each {@code value IN (subquery)} comparing values of one type. */
  static Expression coerce(Expression e) {
    return e.transformUp(x -> {
      if (!(x instanceof InSubquery in) || !in.resolved()) {
        return x;
      }
      List<AttributeReference> output = in.plan().output();
      if (output.size() != 1) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("sqlExpr", "\"" + in.sql() + "\"");
        parameters.put("leftLength", "1");
        parameters.put("rightLength", String.valueOf(output.size()));
        throw new AnalysisException("DATATYPE_MISMATCH.INVALID_IN_SUBQUERY_NUMBER_OF_COLUMNS", parameters);
      }
      DataType type = TypeCoercion.widerType(in, in.value().dataType(), output.get(0).dataType());
      Expression value = in.value().dataType().equals(type) ? in.value() : new Cast(in.value(), type);
      LogicalPlan plan = in.plan();
      if (!output.get(0).dataType().equals(type)) {
        plan = new Project(List.of(new Alias(new Cast(output.get(0), type), output.get(0).name())), plan);
      }
      return new InSubquery(value, plan);
    });
  }
}

package dev.ember.sql.execution.datasources;

import dev.ember.sql.execution.joinfilter.RuntimeFilterPredicate;
import dev.ember.sql.plan.expressions.And;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.BinaryComparison;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.In;
import dev.ember.sql.plan.expressions.IsNotNull;
import dev.ember.sql.plan.expressions.IsNull;
import dev.ember.sql.plan.expressions.Like;
import dev.ember.sql.plan.expressions.Literal;
import dev.ember.sql.plan.expressions.Not;
import dev.ember.sql.plan.expressions.Or;
import dev.ember.sql.plan.expressions.ScalarFunction;
import dev.ember.sql.types.DataTypes;
import java.util.Set;

/**
 * Decides which conjuncts of a scan's filter a reader may evaluate row by row while it decodes (late
 * materialization), beyond those that translate to {@link SourceFilter}s: a conjunct qualifies when it is
 * deterministic and cannot fail on any row, so evaluating it earlier than the query's filter, on rows other
 * conjuncts would have dropped, changes nothing but the work done. That holds for comparisons of two columns
 * (or a column and a literal) of one type, LIKE of a string column with a literal pattern, the string tests
 * {@code startswith} / {@code endswith} / {@code contains} with a literal, null tests, IN lists of literals, and
 * NOT, AND and OR of such parts. Casts, arithmetic and other functions, which may fail under ANSI rules or
 * cost more than they save, stay with the filter.
 */
public final class ScanRowPredicates {

  private static final Set<String> STRING_TESTS = Set.of("startswith", "endswith", "contains");

  private ScanRowPredicates() {}

  /** Whether a reader may evaluate {@code conjunct} while it decodes rows. */
  public static boolean canEvaluateInScan(Expression conjunct) {
    if (FilterTranslator.translate(conjunct).isPresent()) {
      return true;
    }
    return isSafe(conjunct);
  }

  private static boolean isSafe(Expression e) {
    if (e instanceof BinaryComparison c) {
      return isOperand(c.left()) && isOperand(c.right()) && c.left().dataType().equals(c.right().dataType())
          && !(c.left() instanceof Literal && c.right() instanceof Literal);
    }
    if (e instanceof Like like) {
      return like.left() instanceof AttributeReference a && a.dataType().equals(DataTypes.StringType)
          && like.pattern() instanceof Literal pattern && pattern.dataType().equals(DataTypes.StringType);
    }
    if (e instanceof ScalarFunction f && STRING_TESTS.contains(f.name()) && f.arguments().size() == 2) {
      return f.arguments().get(0) instanceof AttributeReference a && a.dataType().equals(DataTypes.StringType)
          && f.arguments().get(1) instanceof Literal l && l.dataType().equals(DataTypes.StringType);
    }
    if (e instanceof IsNull || e instanceof IsNotNull) {
      return e.children().get(0) instanceof AttributeReference;
    }
    if (e instanceof In in) {
      return in.value() instanceof AttributeReference a && in.list().stream()
          .allMatch(item -> item instanceof Literal && item.dataType().equals(a.dataType()));
    }
    if (e instanceof RuntimeFilterPredicate runtimeFilter) {
      return runtimeFilter.child() instanceof AttributeReference;
    }
    if (e instanceof Not not) {
      return isSafe(not.child());
    }
    if (e instanceof And and) {
      return isSafe(and.left()) && isSafe(and.right());
    }
    if (e instanceof Or or) {
      return isSafe(or.left()) && isSafe(or.right());
    }
    return false;
  }

  private static boolean isOperand(Expression e) {
    return e instanceof AttributeReference || e instanceof Literal;
  }
}

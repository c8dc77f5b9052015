package dev.ember.sql.execution.datasources;

import dev.ember.sql.execution.joinfilter.RuntimeFilterPredicate;
import dev.ember.sql.plan.expressions.And;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.BinaryComparison;
import dev.ember.sql.plan.expressions.ComparisonOperator;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.In;
import dev.ember.sql.plan.expressions.IsNotNull;
import dev.ember.sql.plan.expressions.IsNull;
import dev.ember.sql.plan.expressions.Literal;
import dev.ember.sql.plan.expressions.Not;
import dev.ember.sql.plan.expressions.Or;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns resolved filter expressions into {@link SourceFilter}s a format can use, as Spark's
 * {@code DataSourceStrategy.translateFilter}: comparisons of a column with a literal (either way round),
 * IN lists of literals, null tests, AND, OR and NOT of translatable parts. Anything else stays with Ember.
 */
public final class FilterTranslator {

  private FilterTranslator() {}

  /** The conjuncts of {@code condition}: {@code a AND (b AND c)} gives {@code [a, b, c]}. */
  public static List<Expression> conjuncts(Expression condition) {
    List<Expression> out = new ArrayList<>();
    if (condition instanceof And and) {
      out.addAll(conjuncts(and.left()));
      out.addAll(conjuncts(and.right()));
    } else {
      out.add(condition);
    }
    return out;
  }

  /** The translations of those of {@code filters} that translate. */
  public static List<SourceFilter> translateAll(List<Expression> filters) {
    List<SourceFilter> out = new ArrayList<>();
    for (Expression filter : filters) {
      translate(filter).ifPresent(out::add);
    }
    return out;
  }

  /** {@code e} as a source filter, if it translates as a whole. */
  public static Optional<SourceFilter> translate(Expression e) {
    if (e instanceof RuntimeFilterPredicate runtimeFilter) {
      // Sources skip data by the key range; rows are tested against the keys as the predicate is evaluated.
      return runtimeFilter.range().flatMap(FilterTranslator::translate);
    }
    if (e instanceof BinaryComparison c) {
      return comparison(c);
    }
    if (e instanceof IsNull n && n.child() instanceof AttributeReference a) {
      return Optional.of(new SourceFilter.IsNull(a.name()));
    }
    if (e instanceof IsNotNull n && n.child() instanceof AttributeReference a) {
      return Optional.of(new SourceFilter.IsNotNull(a.name()));
    }
    if (e instanceof In in && in.value() instanceof AttributeReference a) {
      List<Object> values = new ArrayList<>();
      for (Expression item : in.list()) {
        if (!(item instanceof Literal literal) || literal.value() == null
            || !literal.dataType().equals(a.dataType())) {
          return Optional.empty();
        }
        values.add(literal.value());
      }
      return Optional.of(new SourceFilter.In(a.name(), a.dataType(), values));
    }
    if (e instanceof And and) {
      Optional<SourceFilter> left = translate(and.left());
      Optional<SourceFilter> right = translate(and.right());
      return left.isPresent() && right.isPresent()
          ? Optional.of(new SourceFilter.And(left.get(), right.get())) : Optional.empty();
    }
    if (e instanceof Or or) {
      Optional<SourceFilter> left = translate(or.left());
      Optional<SourceFilter> right = translate(or.right());
      return left.isPresent() && right.isPresent()
          ? Optional.of(new SourceFilter.Or(left.get(), right.get())) : Optional.empty();
    }
    if (e instanceof Not not) {
      return translate(not.child()).map(SourceFilter.Not::new);
    }
    return Optional.empty();
  }

  private static Optional<SourceFilter> comparison(BinaryComparison c) {
    ComparisonOperator op = c.operator();
    AttributeReference column;
    Literal literal;
    if (c.left() instanceof AttributeReference a && c.right() instanceof Literal l) {
      column = a;
      literal = l;
    } else if (c.right() instanceof AttributeReference a && c.left() instanceof Literal l) {
      column = a;
      literal = l;
      op = flip(op);
    } else {
      return Optional.empty();
    }
    if (!literal.dataType().equals(column.dataType())
        || literal.value() == null && op != ComparisonOperator.NULL_SAFE_EQUAL) {
      return Optional.empty();
    }
    String name = column.name();
    Object value = literal.value();
    SourceFilter.Comparison comparison = switch (op) {
      case EQUAL -> SourceFilter.Comparison.EqualTo;
      case NULL_SAFE_EQUAL -> SourceFilter.Comparison.EqualNullSafe;
      case GREATER_THAN -> SourceFilter.Comparison.GreaterThan;
      case GREATER_THAN_OR_EQUAL -> SourceFilter.Comparison.GreaterThanOrEqual;
      case LESS_THAN -> SourceFilter.Comparison.LessThan;
      case LESS_THAN_OR_EQUAL -> SourceFilter.Comparison.LessThanOrEqual;
      case NOT_EQUAL -> null;
    };
    if (comparison == null) {
      return Optional.of(new SourceFilter.Not(
          new SourceFilter.Compare(SourceFilter.Comparison.EqualTo, name, column.dataType(), value)));
    }
    return Optional.of(new SourceFilter.Compare(comparison, name, column.dataType(), value));
  }

  private static ComparisonOperator flip(ComparisonOperator op) {
    return switch (op) {
      case GREATER_THAN -> ComparisonOperator.LESS_THAN;
      case GREATER_THAN_OR_EQUAL -> ComparisonOperator.LESS_THAN_OR_EQUAL;
      case LESS_THAN -> ComparisonOperator.GREATER_THAN;
      case LESS_THAN_OR_EQUAL -> ComparisonOperator.GREATER_THAN_OR_EQUAL;
      default -> op;
    };
  }
}

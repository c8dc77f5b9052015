package dev.ember.sql.analysis;

import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.Literal;
import dev.ember.sql.plan.expressions.UnresolvedAttribute;
import dev.ember.sql.plan.expressions.UnresolvedFunction;
import java.util.List;
import java.util.Optional;

/**
 * Resolves a dotted name whose head is a column and whose tail names struct fields ({@code s.a},
 * {@code t.s.a.b}), as Spark does when no column matches the whole name: the longest qualifier-and-column
 * prefix that resolves wins, and each remaining part is a field extraction.
 */
final class NestedFields {

  private NestedFields() {}

  /** The field extraction {@code u} means, if a prefix of its name is a column. */
  static Optional<Expression> resolve(UnresolvedAttribute u, List<AttributeReference> input) {
    List<String> parts = u.nameParts();
    for (int prefix = Math.min(4, parts.size() - 1); prefix >= 1; prefix--) {
      Optional<AttributeReference> head = ExpressionResolver.lookup(
          new UnresolvedAttribute(parts.subList(0, prefix), u.origin()), input);
      if (head.isPresent()) {
        Expression e = head.get();
        for (String field : parts.subList(prefix, parts.size())) {
          e = FunctionRegistry.lookup(new UnresolvedFunction(CollectionFunctions.EXTRACT_VALUE,
              List.of(e, Literal.of(field)), false, u.origin()));
        }
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /** The column name Spark gives {@code base[key]} or {@code base.field}, or null for another call. */
  static Expression prettyName(UnresolvedFunction f) {
    if (f.name().equals(CollectionFunctions.EXTRACT_VALUE)) {
      return new PrettyText(f.arguments().get(0).sql() + "[" + f.arguments().get(1).sql() + "]");
    }
    if (f.name().equals(CollectionFunctions.EXTRACT_FIELD)) {
      return new PrettyText(f.arguments().get(0).sql() + "." + f.arguments().get(1).sql());
    }
    return null;
  }
}

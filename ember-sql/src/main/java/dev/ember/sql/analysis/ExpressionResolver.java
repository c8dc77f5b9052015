package dev.ember.sql.analysis;

import dev.ember.sql.AnalysisException;
import dev.ember.sql.plan.expressions.Alias;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.Literal;
import dev.ember.sql.plan.expressions.NamedExpression;
import dev.ember.sql.plan.expressions.UnresolvedAttribute;
import dev.ember.sql.plan.expressions.UnresolvedFunction;
import dev.ember.sql.plan.expressions.UnresolvedStar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves the names in an expression against the columns an operator can see: attributes (case-insensitive,
 * optionally qualified), functions, and stars; then applies type coercion.
 */
final class ExpressionResolver {

  private ExpressionResolver() {}

  /** {@code e} fully resolved against {@code input}, or an UNRESOLVED_COLUMN error naming the closest names. */
  static Expression resolve(Expression e, List<AttributeReference> input) {
    Expression resolved = resolvePartially(e, input);
    resolved.transformUp(node -> {
      if (node instanceof UnresolvedAttribute u) {
        throw unresolvedColumn(u, input);
      }
      return node;
    });
    return resolved;
  }

  /** {@code e} with what can be resolved against {@code input} resolved; other names left unresolved. */
  static Expression resolvePartially(Expression e, List<AttributeReference> input) {
    return e.transformUp(node -> {
      if (node instanceof UnresolvedAttribute u) {
        return lookup(u, input).map(a -> (Expression) a).or(() -> NestedFields.resolve(u, input)).orElse(u);
      }
      if (node instanceof UnresolvedFunction f && f.arguments().stream().allMatch(Expression::resolved)) {
        return SessionSettings.apply(TypeCoercion.coerce(FunctionRegistry.lookup(f)));
      }
      if (node.resolved() && !(node instanceof AttributeReference) && !(node instanceof Literal)) {
        return SessionSettings.apply(TypeCoercion.coerce(node));
      }
      return node;
    });
  }

  /** The attribute of {@code input} that {@code u} names, if exactly one. */
  static Optional<AttributeReference> lookup(UnresolvedAttribute u, List<AttributeReference> input) {
    List<String> parts = u.nameParts();
    List<AttributeReference> matches = new ArrayList<>();
    for (AttributeReference a : input) {
      boolean nameMatches = a.name().equalsIgnoreCase(parts.get(parts.size() - 1));
      boolean qualifierMatches = qualifierEndsWith(a.qualifier(), parts.subList(0, parts.size() - 1));
      if (nameMatches && qualifierMatches && !matches.contains(a)) {
        matches.add(a);
      }
    }
    if (matches.size() > 1) {
      throw ambiguousReference(u, matches);
    }
    return matches.isEmpty() ? Optional.empty() : Optional.of(matches.get(0));
  }

  /**
   * Whether {@code written} (the names before the column name, {@code db.t} in {@code db.t.c}) is the end of the
   * attribute's {@code qualifier} ({@code [spark_catalog, db, t]}), ignoring case; an empty prefix always is.
   */
  static boolean qualifierEndsWith(List<String> qualifier, List<String> written) {
    int offset = qualifier.size() - written.size();
    if (offset < 0) {
      return false;
    }
    for (int i = 0; i < written.size(); i++) {
      if (!qualifier.get(offset + i).equalsIgnoreCase(written.get(i))) {
        return false;
      }
    }
    return true;
  }

  /** AMBIGUOUS_REFERENCE, listing the qualified names {@code u} could mean, as Spark does. */
  static AnalysisException ambiguousReference(UnresolvedAttribute u, List<AttributeReference> matches) {
    List<String> names = new ArrayList<>();
    for (AttributeReference a : matches) {
      StringBuilder sb = new StringBuilder();
      for (String q : a.qualifier()) {
        sb.append('`').append(q).append("`.");
      }
      names.add(sb.append('`').append(a.name()).append('`').toString());
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("name", u.quotedName());
    parameters.put("referenceNames", "[" + String.join(", ", names) + "]");
    return new AnalysisException("AMBIGUOUS_REFERENCE", parameters, u.origin().line(), u.origin().startPosition(),
        "");
  }

  static AnalysisException unresolvedColumn(UnresolvedAttribute u, List<AttributeReference> input) {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("objectName", u.quotedName());
    if (input.isEmpty()) {
      return new AnalysisException("UNRESOLVED_COLUMN.WITHOUT_SUGGESTION", parameters, u.origin().line(),
          u.origin().startPosition(), "");
    }
    List<String> names = new ArrayList<>();
    for (AttributeReference a : input) {
      names.add("`" + a.name() + "`");
    }
    String name = u.nameParts().get(u.nameParts().size() - 1);
    List<String> ranked = NameSuggestions.rank("`" + name + "`", names);
    parameters.put("proposal", String.join(", ", ranked));
    return new AnalysisException("UNRESOLVED_COLUMN.WITH_SUGGESTION", parameters, u.origin().line(),
        u.origin().startPosition(), "");
  }

  /** A select list with stars expanded and every item named (Spark names {@code a + 1} as {@code (a + 1)}). */
  static List<Expression> resolveSelectList(List<Expression> list, List<AttributeReference> input) {
    List<Expression> out = new ArrayList<>();
    for (Expression item : list) {
      if (item instanceof UnresolvedStar star) {
        out.addAll(expandStar(star, input));
        continue;
      }
      Expression resolved = resolve(item, input);
      // Named from the expression as written, before implicit casts, as Spark names columns.
      out.add(resolved instanceof NamedExpression ? resolved : new Alias(resolved, prettyName(item)));
    }
    return out;
  }

  private static List<AttributeReference> expandStar(UnresolvedStar star, List<AttributeReference> input) {
    if (star.qualifier().isEmpty()) {
      return input;
    }
    List<AttributeReference> matched = input.stream()
        .filter(a -> qualifierEndsWith(a.qualifier(), star.qualifier())).toList();
    if (matched.isEmpty()) {
      StringBuilder written = new StringBuilder();
      for (String part : star.qualifier()) {
        written.append('`').append(part).append("`.");
      }
      throw new AnalysisException("UNRESOLVED_COLUMN.WITHOUT_SUGGESTION", Map.of("objectName",
          written + "`*`"));
    }
    return matched;
  }

  /** The column name Spark gives an unaliased expression: its SQL with literals and names unquoted. */
  static String prettyName(Expression e) {
    return e.transformUp(node -> {
      if (node instanceof Literal literal) {
        return new PrettyText(literal.prettyName());
      }
      if (node instanceof UnresolvedAttribute u) {
        return new PrettyText(u.nameParts().get(u.nameParts().size() - 1));
      }
      if (node instanceof UnresolvedFunction f && NestedFields.prettyName(f) != null) {
        return NestedFields.prettyName(f);
      }
      if (node instanceof UnresolvedFunction f) {
        return new UnresolvedFunction(f.name().toLowerCase(java.util.Locale.ROOT), f.arguments(), f.distinct(),
            f.origin());
      }
      return node;
    }).sql();
  }

  static boolean containsAggregate(Expression e) {
    // An aggregate over a window (sum(x) OVER ()) is computed by a Window operator, not an aggregation.
    return WindowExtraction.containsRegularAggregate(e);
  }
}

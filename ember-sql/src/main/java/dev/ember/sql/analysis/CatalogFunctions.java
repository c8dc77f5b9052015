package dev.ember.sql.analysis;

import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.Literal;
import java.util.Map;
import java.util.function.Function;

/**
 * The functions that read the session catalog's state: {@code current_database()} and its alias
 * {@code current_schema()}, the session's current database when the query is analyzed (as Spark folds them).
 */
final class CatalogFunctions {

  private CatalogFunctions() {}

  static void register(Map<String, Function<FunctionArguments, Expression>> b) {
    b.put("current_database", a -> {
      a.count(0, 0);
      return Literal.of(SessionSettings.current().currentDatabase());
    });
    b.put("current_schema", b.get("current_database"));
  }
}

package dev.ember.sql.plan;

import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Expression;
import java.util.ArrayList;
import java.util.List;

/**
 * Names a relation ({@code FROM t AS x}, a view's name) so its columns can be qualified ({@code x.a}). A catalog
 * table's alias also carries its namespace ({@code [spark_catalog, db]}), so its columns can be named
 * {@code t.a}, {@code db.t.a} or {@code spark_catalog.db.t.a}, as in Spark.
 *
 * @param alias the name
 * @param child the relation
 * @param namespace the names before {@code alias} in a column's qualifier, empty for an alias or a temp view
 */
public record SubqueryAlias(String alias, LogicalPlan child, List<String> namespace) implements UnaryNode {

  /** Validates the alias. */
  public SubqueryAlias {
    namespace = List.copyOf(namespace);
  }

  /** An alias without namespace: {@code FROM t AS x}, a temporary view, a CTE. */
  public SubqueryAlias(String alias, LogicalPlan child) {
    this(alias, child, List.of());
  }

  @Override
  public LogicalPlan withNewChild(LogicalPlan newChild) {
    return new SubqueryAlias(alias, newChild, namespace);
  }

  @Override
  public List<Expression> expressions() {
    return List.of();
  }

  @Override
  public LogicalPlan withNewExpressions(List<Expression> e) {
    return this;
  }

  @Override
  public List<AttributeReference> output() {
    List<String> qualifier = new ArrayList<>(namespace);
    qualifier.add(alias);
    List<AttributeReference> out = new ArrayList<>();
    for (AttributeReference a : child.output()) {
      out.add(a.withQualifier(qualifier));
    }
    return out;
  }

  @Override
  public String simpleString() {
    return "SubqueryAlias " + alias;
  }
}

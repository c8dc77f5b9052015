package dev.ember.sql.analysis;

import dev.ember.sql.AnalysisException;
import dev.ember.sql.plan.Aggregate;
import dev.ember.sql.plan.ChildScopedNode;
import dev.ember.sql.plan.Distinct;
import dev.ember.sql.plan.Filter;
import dev.ember.sql.plan.LeafNode;
import dev.ember.sql.plan.Limit;
import dev.ember.sql.plan.LocalRelation;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.OneRowRelation;
import dev.ember.sql.plan.Project;
import dev.ember.sql.plan.Sort;
import dev.ember.sql.plan.SubqueryAlias;
import dev.ember.sql.plan.UnresolvedHaving;
import dev.ember.sql.plan.UnresolvedInlineTable;
import dev.ember.sql.plan.UnresolvedRelation;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.Literal;
import dev.ember.sql.plan.expressions.SortOrder;
import dev.ember.sql.plan.expressions.UnresolvedAttribute;
import dev.ember.sql.types.DataTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Resolves an unresolved logical plan bottom-up: relations from the session catalog, VALUES into local
 * relations, names against each operator's input, functions from the registry, implicit casts; then
 * checks what resolution alone cannot (grouping, boolean filters). Every failure is an
 * {@link AnalysisException} with Spark's condition and, where known, the position in the query.
 */
public final class Analyzer {

  private final SessionCatalog catalog;

  /** An analyzer reading views from {@code catalog}. */
  public Analyzer(SessionCatalog catalog) {
    this.catalog = catalog;
  }

  /** The resolved, checked plan. */
  public LogicalPlan analyze(LogicalPlan plan) {
    LogicalPlan resolved = resolve(plan);
    CheckAnalysis.check(resolved);
    return resolved;
  }

  private LogicalPlan resolve(LogicalPlan plan) {
    if (plan instanceof UnresolvedRelation relation) {
      return resolveRelation(relation);
    }
    if (plan instanceof UnresolvedInlineTable table) {
      return InlineTables.resolve(table);
    }
    if (plan instanceof LocalRelation || plan instanceof OneRowRelation) {
      return plan;
    }
    if (plan instanceof SubqueryAlias alias) {
      return new SubqueryAlias(alias.alias(), resolve(alias.child()));
    }
    if (plan instanceof Distinct distinct) {
      return new Distinct(resolve(distinct.child()));
    }
    if (plan instanceof Project project) {
      return resolveProject(project.projectList(), resolve(project.child()));
    }
    if (plan instanceof Filter filter) {
      LogicalPlan child = resolve(filter.child());
      return new Filter(ExpressionResolver.resolve(filter.condition(), child.output()), child);
    }
    if (plan instanceof Aggregate aggregate) {
      return resolveAggregate(aggregate.grouping(), aggregate.aggregates(), resolve(aggregate.child()));
    }
    if (plan instanceof UnresolvedHaving having) {
      return AggregateResolver.having(having.condition(), asAggregate(resolve(having.child())));
    }
    if (plan instanceof Sort sort) {
      return resolveSort(sort, resolve(sort.child()));
    }
    if (plan instanceof Limit limit) {
      return new Limit(ExpressionResolver.resolve(limit.limit(), List.of()), resolve(limit.child()));
    }
    if (plan instanceof ChildScopedNode node) {
      LogicalPlan child = resolve(node.child());
      List<Expression> expressions = new ArrayList<>();
      for (Expression e : node.expressions()) {
        expressions.add(ExpressionResolver.resolve(e, child.output()));
      }
      return node.withNewChild(child).withNewExpressions(expressions);
    }
    if (plan instanceof LeafNode && plan.resolved()) {
      return plan;
    }
    throw AnalysisException.unsupported("the plan node " + plan.simpleString());
  }

  private LogicalPlan resolveRelation(UnresolvedRelation relation) {
    List<String> name = relation.nameParts();
    LogicalPlan view = name.size() == 1 ? catalog.lookupTempView(name.get(0)).orElse(null) : null;
    if (view == null) {
      String quoted = String.join(".", name.stream().map(p -> "`" + p + "`").toList());
      throw new AnalysisException("TABLE_OR_VIEW_NOT_FOUND", Map.of("relationName", quoted),
          relation.origin().line(), relation.origin().startPosition(), "");
    }
    return new SubqueryAlias(name.get(0), view);
  }

  private LogicalPlan resolveProject(List<Expression> list, LogicalPlan child) {
    List<Expression> resolved = ExpressionResolver.resolveSelectList(list, child.output());
    if (resolved.stream().anyMatch(ExpressionResolver::containsAggregate)) {
      // SELECT count(*) FROM t: a global aggregate (Spark's GlobalAggregates rule).
      return checkedAggregate(List.of(), resolved, child);
    }
    return new Project(resolved, child);
  }

  private LogicalPlan resolveAggregate(List<Expression> grouping, List<Expression> list, LogicalPlan child) {
    List<Expression> aggregates = ExpressionResolver.resolveSelectList(list, child.output());
    List<Expression> groups = new ArrayList<>();
    for (Expression g : grouping) {
      groups.add(resolveGroupingExpression(g, list, aggregates, child));
    }
    return checkedAggregate(groups, aggregates, child);
  }

  /** A grouping expression: an ordinal of the select list, a column, or a select-list alias. */
  private Expression resolveGroupingExpression(Expression g, List<Expression> selectList,
      List<Expression> resolvedSelect, LogicalPlan child) {
    if (g instanceof Literal literal && literal.dataType() == DataTypes.IntegerType) {
      int ordinal = (Integer) literal.value();
      if (ordinal < 1 || ordinal > resolvedSelect.size()) {
        throw AnalysisException.unsupported("GROUP BY position " + ordinal + " outside the select list");
      }
      return AggregateResolver.stripAlias(resolvedSelect.get(ordinal - 1));
    }
    Expression partly = ExpressionResolver.resolvePartially(g, child.output());
    if (partly instanceof UnresolvedAttribute u && u.nameParts().size() == 1) {
      for (Expression item : resolvedSelect) {
        if (item instanceof dev.ember.sql.plan.expressions.Alias alias
            && alias.name().equalsIgnoreCase(u.nameParts().get(0))) {
          return alias.child();
        }
      }
    }
    // groupBy(col("a").as("x")) in the DataFrame API groups by the expression; the alias names the output.
    return AggregateResolver.stripAlias(ExpressionResolver.resolve(partly, child.output()));
  }

  private static Aggregate checkedAggregate(List<Expression> grouping, List<Expression> aggregates,
      LogicalPlan child) {
    for (Expression e : aggregates) {
      AggregateResolver.checkGrouped(AggregateResolver.stripAlias(e), grouping);
    }
    return new Aggregate(grouping, aggregates, child);
  }

  private static Aggregate asAggregate(LogicalPlan plan) {
    if (plan instanceof Aggregate aggregate) {
      return aggregate;
    }
    if (plan instanceof Project project) {
      // HAVING without GROUP BY makes the whole input one group.
      return checkedAggregate(List.of(), project.projectList(), project.child());
    }
    throw AnalysisException.unsupported("HAVING over " + plan.simpleString());
  }

  private LogicalPlan resolveSort(Sort sort, LogicalPlan child) {
    List<SortOrder> order = new ArrayList<>();
    for (SortOrder key : sort.order()) {
      order.add(ordinalToAttribute(key, child.output()));
    }
    if (child instanceof Aggregate aggregate) {
      return AggregateResolver.sort(order, sort.global(), aggregate);
    }
    List<AttributeReference> visible = child.output();
    List<SortOrder> resolved = new ArrayList<>();
    boolean missing = false;
    for (SortOrder key : order) {
      SortOrder partly = (SortOrder) ExpressionResolver.resolvePartially(key, visible);
      missing |= !partly.resolved();
      resolved.add(partly);
    }
    if (!missing) {
      return new Sort(resolved, sort.global(), child);
    }
    if (child instanceof Project project) {
      return sortWithMissingColumns(resolved, sort.global(), project);
    }
    ExpressionResolver.resolve(resolved.stream().filter(k -> !k.resolved()).findFirst().orElseThrow(), visible);
    throw new IllegalStateException("unreachable");
  }

  /** ORDER BY a column the SELECT dropped: add it to the project, sort, then project it away again. */
  private LogicalPlan sortWithMissingColumns(List<SortOrder> keys, boolean global, Project project) {
    List<AttributeReference> inner = project.child().output();
    List<Expression> extended = new ArrayList<>(project.projectList());
    List<SortOrder> resolved = new ArrayList<>();
    for (SortOrder key : keys) {
      SortOrder full = (SortOrder) ExpressionResolver.resolve(key, inner);
      for (AttributeReference a : full.references()) {
        if (!project.output().contains(a) && !extended.contains(a)) {
          extended.add(a);
        }
      }
      resolved.add(full);
    }
    Sort sorted = new Sort(resolved, global, new Project(extended, project.child()));
    return new Project(new ArrayList<>(project.output()), sorted);
  }

  private static SortOrder ordinalToAttribute(SortOrder key, List<AttributeReference> output) {
    if (key.child() instanceof Literal literal && literal.dataType() == DataTypes.IntegerType) {
      int ordinal = (Integer) literal.value();
      if (ordinal < 1 || ordinal > output.size()) {
        throw AnalysisException.unsupported("ORDER BY position " + ordinal + " outside the select list");
      }
      return new SortOrder(output.get(ordinal - 1), key.ascending(), key.nullsFirst());
    }
    return key;
  }
}

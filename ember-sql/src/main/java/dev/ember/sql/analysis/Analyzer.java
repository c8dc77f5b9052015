package dev.ember.sql.analysis;

import dev.ember.sql.AnalysisException;
import dev.ember.sql.execution.datasources.LogicalRelation;
import dev.ember.sql.plan.Aggregate;
import dev.ember.sql.plan.ChildScopedNode;
import dev.ember.sql.plan.Distinct;
import dev.ember.sql.plan.Expand;
import dev.ember.sql.plan.Filter;
import dev.ember.sql.plan.GroupingSets;
import dev.ember.sql.plan.Join;
import dev.ember.sql.plan.LeafNode;
import dev.ember.sql.plan.Limit;
import dev.ember.sql.plan.LocalRelation;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.NaturalJoin;
import dev.ember.sql.plan.Offset;
import dev.ember.sql.plan.OneRowRelation;
import dev.ember.sql.plan.Project;
import dev.ember.sql.plan.SetOperation;
import dev.ember.sql.plan.Sort;
import dev.ember.sql.plan.SubqueryAlias;
import dev.ember.sql.plan.SubqueryColumnAliases;
import dev.ember.sql.plan.UnresolvedDropHiddenColumns;
import dev.ember.sql.plan.UnresolvedHaving;
import dev.ember.sql.plan.UnresolvedInlineTable;
import dev.ember.sql.plan.UnresolvedRelation;
import dev.ember.sql.plan.UsingJoin;
import dev.ember.sql.plan.Window;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.Literal;
import dev.ember.sql.plan.expressions.SortOrder;
import dev.ember.sql.plan.expressions.UnresolvedAttribute;
import dev.ember.sql.plan.objects.ObjectOperator;
import dev.ember.sql.types.DataTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Resolves an unresolved logical plan bottom-up: relations from the session catalog, VALUES into local
 * relations, names against each operator's input, functions from the registry, implicit casts; then
 * checks what resolution alone cannot (grouping, boolean filters). Every failure is an
 * {@link AnalysisException} with Spark's condition and, where known, the position in the query.
 */
public final class Analyzer {

  private final SessionCatalog catalog;
  private final Function<List<String>, LogicalPlan> fileRelations;
  private volatile java.util.function.Supplier<SessionSettings> settings = SessionSettings::defaults;
  private volatile java.util.function.IntSupplier shufflePartitions = () -> 200;
  // The columns of the enclosing queries, when this analyzer resolves a subquery.
  private final List<AttributeReference> outer;

  /** An analyzer reading views from {@code catalog}. */
  public Analyzer(SessionCatalog catalog) {
    this(catalog, name -> null);
  }

  /**
   * An analyzer reading views from {@code catalog} and resolving other two-part names such as
   * {@code parquet.`/data/x`} (Spark's direct queries on files) with {@code fileRelations}, which returns null
   * for names it does not know.
   */
  public Analyzer(SessionCatalog catalog, Function<List<String>, LogicalPlan> fileRelations) {
    this(catalog, fileRelations, List.of());
  }

  private Analyzer(SessionCatalog catalog, Function<List<String>, LogicalPlan> fileRelations,
      List<AttributeReference> outer) {
    this.catalog = catalog;
    this.fileRelations = fileRelations;
    this.outer = List.copyOf(outer);
  }

  /** Analyzes each query with the settings {@code settings} gives then (ANSI mode, time zone, start time). */
  public void useSessionSettings(java.util.function.Supplier<SessionSettings> settings) {
    this.settings = java.util.Objects.requireNonNull(settings, "settings is null");
  }

  /** Resolves partitioning hints that give no count to the partitions {@code partitions} gives then. */
  public void useShufflePartitions(java.util.function.IntSupplier partitions) {
    this.shufflePartitions = java.util.Objects.requireNonNull(partitions, "partitions is null");
  }

  /** {@code plan} resolved and checked as a subquery whose enclosing query has the columns {@code scope}. */
  private LogicalPlan analyzeSubquery(LogicalPlan plan, List<AttributeReference> scope) {
    Analyzer subqueryAnalyzer = new Analyzer(catalog, fileRelations, scope);
    subqueryAnalyzer.settings = settings;
    subqueryAnalyzer.shufflePartitions = shufflePartitions;
    LogicalPlan resolved = subqueryAnalyzer.resolve(plan);
    CheckAnalysis.check(resolved);
    return resolved;
  }

  /** {@code e}'s subqueries resolved, with {@code input} (and this analyzer's outer scope) visible to them. */
  private Expression subqueries(Expression e, List<AttributeReference> input) {
    return SubqueryResolver.resolveSubqueries(e, input, outer, this::analyzeSubquery);
  }

  /** The resolved, checked plan. */
  public LogicalPlan analyze(LogicalPlan plan) {
    SessionSettings previous = SessionSettings.enter(settings.get());
    try {
      LogicalPlan resolved = resolve(GroupingCallsLifting.apply(CteSubstitution.apply(plan)));
      CheckAnalysis.check(resolved);
      return resolved;
    } finally {
      SessionSettings.restore(previous);
    }
  }

  private LogicalPlan resolve(LogicalPlan plan) {
    if (plan instanceof UnresolvedRelation relation) {
      return resolveRelation(relation);
    }
    if (plan instanceof UnresolvedInlineTable table) {
      return InlineTables.resolve(table);
    }
    if (plan instanceof LocalRelation || plan instanceof OneRowRelation || plan instanceof LogicalRelation
        || plan instanceof dev.ember.sql.execution.datasources.jdbc.JdbcRelation || plan instanceof ObjectOperator) {
      return plan;
    }
    if (plan instanceof SubqueryAlias alias) {
      return alias.withNewChild(resolve(alias.child()));
    }
    if (plan instanceof Distinct distinct) {
      return new Distinct(resolve(distinct.child()));
    }
    if (plan instanceof Project project) {
      LogicalPlan child = resolve(project.child());
      List<Expression> list = project.projectList().stream().map(e -> subqueries(e, child.output())).toList();
      return resolveProject(list, child);
    }
    if (plan instanceof Filter filter) {
      LogicalPlan child = resolve(filter.child());
      Expression condition = subqueries(filter.condition(), child.output());
      return new Filter(SubqueryResolver.coerce(ExpressionResolver.resolve(condition, child.output())), child);
    }
    if (plan instanceof Join join) {
      return JoinResolver.join(join, resolve(join.left()), resolve(join.right()), this::subqueries);
    }
    if (plan instanceof NaturalJoin join) {
      return NaturalJoins.resolve(join, resolve(join.left()), resolve(join.right()));
    }
    if (plan instanceof UsingJoin join) {
      return JoinResolver.usingJoin(join, resolve(join.left()), resolve(join.right()));
    }
    if (plan instanceof SetOperation operation) {
      return JoinResolver.setOperation(operation, resolve(operation.left()), resolve(operation.right()));
    }
    if (plan instanceof Aggregate aggregate) {
      return Generators.extractFromAggregate(resolveAggregate(aggregate.grouping(), aggregate.aggregates(),
          resolve(aggregate.child())));
    }
    if (plan instanceof UnresolvedHaving having) {
      LogicalPlan child = resolve(having.child());
      LogicalPlan windowed = WindowExtraction.havingBelowWindows(having.condition(), child);
      if (windowed != null) {
        return windowed;
      }
      Aggregate aggregate = asAggregate(child);
      Expression condition = subqueries(having.condition(), aggregate.child().output());
      return AggregateResolver.having(condition, aggregate);
    }
    if (plan instanceof Sort sort) {
      return WindowExtraction.sortByWindows(resolveSort(sort, resolve(sort.child())));
    }
    if (plan instanceof Limit limit) {
      return new Limit(ExpressionResolver.resolve(limit.limit(), List.of()), resolve(limit.child()));
    }
    return resolveOther(plan);
  }

  /** The rest of {@link #resolve}: offsets, grouping sets, windows, aliases, commands and resolved leaves. */
  private LogicalPlan resolveOther(LogicalPlan plan) {
    if (plan instanceof Offset offset) {
      return new Offset(ExpressionResolver.resolve(offset.offset(), List.of()), resolve(offset.child()));
    }
    if (plan instanceof GroupingSets sets) {
      return GroupingSetsResolver.resolve(sets, resolve(sets.child()), Analyzer::checkedAggregate);
    }
    if (plan instanceof UnresolvedDropHiddenColumns drop) {
      LogicalPlan child = resolve(drop.child());
      List<AttributeReference> all = child.output();
      return new Project(new ArrayList<>(all.subList(0, all.size() - drop.hidden())), child);
    }
    if (plan instanceof Expand) {
      // Only the analyzer builds expands, so one here is already resolved (a DataFrame built on a query).
      return plan;
    }
    if (plan instanceof Window) {
      // Only the analyzer builds windows, so one here is already resolved (a DataFrame built on a query).
      return plan;
    }
    if (plan instanceof dev.ember.sql.plan.Generate generate) {
      // A generate built by the analyzer is resolved (a DataFrame built on a query): only its child is redone.
      return generate.withNewChild(resolve(generate.child()));
    }
    if (plan instanceof dev.ember.sql.plan.UnresolvedLateralView view) {
      return LateralViews.resolve(view, resolve(view.child()));
    }
    if (plan instanceof SubqueryColumnAliases aliases) {
      return ColumnAliases.rename(aliases.names(), resolve(aliases.child()));
    }
    if (plan instanceof dev.ember.sql.plan.UnresolvedHint hint) {
      return ResolveHints.resolve(hint, resolve(hint.child()), shufflePartitions.getAsInt());
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
      LogicalPlan table = catalog.lookupTable(name).orElse(null);
      if (table != null) {
        return table;
      }
    }
    if (view == null && name.size() == 2) {
      LogicalPlan files = fileRelations.apply(name);
      if (files != null) {
        return files;
      }
    }
    if (view == null) {
      String quoted = String.join(".", name.stream().map(p -> "`" + p + "`").toList());
      throw new AnalysisException("TABLE_OR_VIEW_NOT_FOUND", Map.of("relationName", quoted),
          relation.origin().line(), relation.origin().startPosition(), "");
    }
    return new SubqueryAlias(name.get(0), view);
  }

  private LogicalPlan resolveProject(List<Expression> list, LogicalPlan child) {
    List<Expression> resolved = ExpressionResolver.resolveSelectList(list, child.output());
    if (resolved.stream().anyMatch(Generators::hasGenerator)) {
      return Generators.project(resolved, child);
    }
    if (resolved.stream().anyMatch(WindowExtraction::hasWindow)) {
      return resolved.stream().anyMatch(ExpressionResolver::containsAggregate)
          ? WindowExtraction.aggregate(List.of(), resolved, child, (l, g) -> checkedAggregate(g, l, child))
          : WindowExtraction.project(resolved, child);
    }
    if (resolved.stream().anyMatch(ExpressionResolver::containsAggregate)) {
      // SELECT count(*) FROM t: a global aggregate (Spark's GlobalAggregates rule).
      return checkedAggregate(List.of(), resolved, child);
    }
    return new Project(resolved, child);
  }

  private LogicalPlan resolveAggregate(List<Expression> grouping, List<Expression> selectList,
      LogicalPlan child) {
    // Subqueries see the aggregate's input as their outer scope; AggregateResolver then checks what they read.
    List<Expression> list = selectList.stream().map(e -> subqueries(e, child.output())).toList();
    List<Expression> aggregates = ExpressionResolver.resolveSelectList(list, child.output());
    List<Expression> groups = new ArrayList<>();
    for (Expression g : grouping) {
      Expression group = resolveGroupingExpression(subqueries(g, child.output()), list, aggregates, child);
      AggregateSubqueries.checkGroupingExpression(group);
      groups.add(group);
    }
    if (aggregates.stream().anyMatch(WindowExtraction::hasWindow)) {
      return WindowExtraction.aggregate(groups, aggregates, child, (l, g) -> checkedAggregate(g, l, child));
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
      List<SortOrder> keys = new ArrayList<>();
      for (SortOrder key : order) {
        keys.add((SortOrder) subqueries(key, aggregate.child().output()));
      }
      return AggregateResolver.sort(keys, sort.global(), aggregate);
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

package dev.ember.sql.analysis;

import dev.ember.sql.plan.Aggregate;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.Project;
import dev.ember.sql.plan.Sort;
import dev.ember.sql.plan.Window;
import dev.ember.sql.plan.expressions.AggregateFunction;
import dev.ember.sql.plan.expressions.Alias;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.NamedExpression;
import dev.ember.sql.plan.expressions.SortOrder;
import dev.ember.sql.plan.expressions.WindowExpression;
import dev.ember.sql.plan.expressions.WindowSpecDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Moves window expressions out of a resolved select list into {@link Window} operators, as Spark's
 * ExtractWindowExpressions: computed inputs of the windows (partition keys, sort keys, function arguments)
 * go into a project below, one Window per distinct partitioning and ordering is stacked on it, and a project
 * on top computes the select list from the windows' output columns. Over an aggregation the aggregate
 * computes everything the windows read ({@code sum(sum(x)) OVER ()} reads the aggregate {@code sum(x)}), and
 * the windows run above it.
 */
final class WindowExtraction {

  private WindowExtraction() {}

  /** Whether {@code e} contains a window expression. */
  static boolean hasWindow(Expression e) {
    return e.exists(node -> node instanceof WindowExpression);
  }

  /** Whether {@code e} contains an aggregate function other than one evaluated over a window. */
  static boolean containsRegularAggregate(Expression e) {
    if (e instanceof AggregateFunction) {
      return true;
    }
    if (e instanceof WindowExpression w) {
      for (Expression argument : w.windowFunction().children()) {
        if (containsRegularAggregate(argument)) {
          return true;
        }
      }
      return containsRegularAggregate(w.spec());
    }
    for (Expression child : e.children()) {
      if (containsRegularAggregate(child)) {
        return true;
      }
    }
    return false;
  }

  /** {@code SELECT selectList FROM child} where the list holds window expressions and no aggregates. */
  static LogicalPlan project(List<Expression> selectList, LogicalPlan child) {
    Map<WindowExpression, Alias> windows = new LinkedHashMap<>();
    for (Expression item : selectList) {
      collectWindows(item, windows);
    }
    Map<Expression, Alias> computed = new LinkedHashMap<>();
    Map<List<Object>, List<Alias>> groups = new LinkedHashMap<>();
    Map<WindowExpression, AttributeReference> replacements = new LinkedHashMap<>();
    for (Map.Entry<WindowExpression, Alias> entry : windows.entrySet()) {
      WindowExpression w = pushInputsBelow(WindowFrames.resolve(entry.getKey()), computed);
      Alias alias = new Alias(w, entry.getValue().name(), entry.getValue().exprId());
      List<Object> key = List.of(w.spec().partitionSpec(), w.spec().orderSpec());
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(alias);
      replacements.put(entry.getKey(), alias.toAttribute());
    }
    LogicalPlan plan = child;
    if (!computed.isEmpty()) {
      List<Expression> below = new ArrayList<>(child.output());
      below.addAll(computed.values());
      plan = new Project(below, child);
    }
    for (List<Alias> group : groups.values()) {
      WindowSpecDefinition spec = ((WindowExpression) group.get(0).child()).spec();
      plan = new Window(new ArrayList<>(group), spec.partitionSpec(), spec.orderSpec(), plan);
    }
    List<Expression> top = new ArrayList<>();
    for (Expression item : selectList) {
      top.add(item.transformDown(node -> node instanceof WindowExpression w ? replacements.get(w) : node));
    }
    return new Project(top, plan);
  }

  /**
   * {@code SELECT selectList FROM child GROUP BY grouping} where the list holds window expressions: the
   * aggregate produces the grouping expressions, aggregates and columns the windows and the rest of the
   * list read; {@code aggregate} builds (and checks) the Aggregate node.
   */
  static LogicalPlan aggregate(List<Expression> grouping, List<Expression> selectList, LogicalPlan child,
      BiFunction<List<Expression>, List<Expression>, Aggregate> aggregate) {
    List<Expression> aggregateList = new ArrayList<>();
    List<Expression> top = new ArrayList<>();
    Lifter lifter = new Lifter(grouping, aggregateList);
    for (Expression item : selectList) {
      if (!hasWindow(item)) {
        aggregateList.add(item);
        top.add(((NamedExpression) item).toAttribute());
      } else {
        top.add(lifter.lift(item));
      }
    }
    return project(top, aggregate.apply(aggregateList, grouping));
  }

  /**
   * A resolved ORDER BY (possibly under the project that drops columns it added) whose keys hold window
   * expressions: the windows are computed as extra columns below the sort and dropped above it.
   */
  static LogicalPlan sortByWindows(LogicalPlan plan) {
    if (plan instanceof Project project && project.child() instanceof Sort sort && sortsByWindow(sort)) {
      return project.withNewChild(sortByWindows(sort));
    }
    if (!(plan instanceof Sort sort) || !sortsByWindow(sort)) {
      return plan;
    }
    LogicalPlan child = sort.child();
    List<Expression> items = new ArrayList<>(child.output());
    List<SortOrder> keys = new ArrayList<>();
    for (SortOrder key : sort.order()) {
      if (hasWindow(key.child())) {
        Alias alias = new Alias(key.child(), "_sortwindow" + keys.size());
        items.add(alias);
        keys.add(new SortOrder(alias.toAttribute(), key.ascending(), key.nullsFirst()));
      } else {
        keys.add(key);
      }
    }
    Sort sorted = new Sort(keys, sort.global(), project(items, child));
    return new Project(new ArrayList<>(child.output()), sorted);
  }

  private static boolean sortsByWindow(Sort sort) {
    return sort.order().stream().anyMatch(WindowExtraction::hasWindow);
  }

  /**
   * HAVING over an aggregation whose select list has window expressions: the filter goes between the
   * aggregate and the windows, since windows see the groups that pass HAVING. Null when {@code plan} is not
   * such a query.
   */
  static LogicalPlan havingBelowWindows(Expression condition, LogicalPlan plan) {
    if (!(plan instanceof Project top) || !(top.child() instanceof Window)) {
      return null;
    }
    List<LogicalPlan> chain = new ArrayList<>();
    LogicalPlan node = top;
    while (node instanceof Window || node instanceof Project) {
      chain.add(node);
      node = node.children().get(0);
    }
    if (!(node instanceof Aggregate aggregate)) {
      return null;
    }
    LogicalPlan rebuilt = AggregateResolver.having(condition, aggregate);
    for (int i = chain.size() - 1; i >= 0; i--) {
      rebuilt = chain.get(i).withNewChildren(List.of(rebuilt));
    }
    return rebuilt;
  }

  private static void collectWindows(Expression e, Map<WindowExpression, Alias> windows) {
    if (e instanceof WindowExpression w) {
      windows.computeIfAbsent(w, x -> new Alias(x, ExpressionResolver.prettyName(x)));
      return;
    }
    for (Expression child : e.children()) {
      collectWindows(child, windows);
    }
  }

  /** {@code w} with computed partition keys, sort keys and arguments replaced by columns of a project below. */
  private static WindowExpression pushInputsBelow(WindowExpression w, Map<Expression, Alias> computed) {
    Expression function = w.windowFunction();
    List<Expression> arguments = new ArrayList<>();
    for (Expression argument : function.children()) {
      arguments.add(columnFor(argument, computed));
    }
    List<Expression> partition = new ArrayList<>();
    for (Expression key : w.spec().partitionSpec()) {
      partition.add(columnFor(key, computed));
    }
    List<SortOrder> order = new ArrayList<>();
    for (SortOrder key : w.spec().orderSpec()) {
      order.add(new SortOrder(columnFor(key.child(), computed), key.ascending(), key.nullsFirst()));
    }
    Expression newFunction = arguments.isEmpty() ? function : function.withNewChildren(arguments);
    return new WindowExpression(newFunction, new WindowSpecDefinition(partition, order, w.spec().frame()));
  }

  private static Expression columnFor(Expression e, Map<Expression, Alias> computed) {
    if (e instanceof AttributeReference || e.foldable()) {
      return e;
    }
    return computed.computeIfAbsent(e, x -> new Alias(x, "_w" + computed.size())).toAttribute();
  }

  /** Replaces what a window reads over an aggregation by columns of the aggregate. */
  private static final class Lifter {
    private final List<Expression> grouping;
    private final List<Expression> aggregateList;
    private final Map<Expression, AttributeReference> lifted = new LinkedHashMap<>();

    Lifter(List<Expression> grouping, List<Expression> aggregateList) {
      this.grouping = grouping;
      this.aggregateList = aggregateList;
    }

    Expression lift(Expression e) {
      if (e instanceof WindowExpression w) {
        Expression function = w.windowFunction();
        List<Expression> arguments = liftAll(function.children());
        Expression newFunction = arguments.isEmpty() ? function : function.withNewChildren(arguments);
        return new WindowExpression(newFunction, (WindowSpecDefinition) w.spec().withNewChildren(
            liftAll(w.spec().children())));
      }
      if (e instanceof AggregateFunction || e instanceof AttributeReference || grouping.contains(e)) {
        return lifted.computeIfAbsent(e, x -> {
          Alias alias = new Alias(x, x instanceof AttributeReference a ? a.name() : ExpressionResolver.prettyName(x));
          aggregateList.add(alias);
          return alias.toAttribute();
        });
      }
      if (e.children().isEmpty() || e.foldable()) {
        return e;
      }
      return e.withNewChildren(liftAll(e.children()));
    }

    private List<Expression> liftAll(List<Expression> list) {
      List<Expression> out = new ArrayList<>(list.size());
      for (Expression e : list) {
        out.add(lift(e));
      }
      return out;
    }
  }
}

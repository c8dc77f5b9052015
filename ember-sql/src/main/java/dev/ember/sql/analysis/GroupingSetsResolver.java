package dev.ember.sql.analysis;

import dev.ember.sql.AnalysisException;
import dev.ember.sql.plan.Aggregate;
import dev.ember.sql.plan.Expand;
import dev.ember.sql.plan.GroupingSets;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.expressions.AggregateFunction;
import dev.ember.sql.plan.expressions.Alias;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.Literal;
import dev.ember.sql.plan.expressions.UnresolvedFunction;
import dev.ember.sql.plan.expressions.WindowExpression;
import dev.ember.sql.plan.expressions.WindowSpecDefinition;
import dev.ember.sql.types.DataTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Rewrites grouping sets into an aggregation over an {@link Expand}, as Spark's ResolveGroupingAnalytics:
 * every input row is repeated once per set with the columns outside the set NULL and the set's
 * {@code spark_grouping_id} (one bit per grouping column, 1 when the set does not group by it, the first
 * column the most significant); the aggregate groups by those columns and the id, so rows of different
 * sets never merge. {@code grouping(col)} and {@code grouping_id(...)} become constant columns of each
 * projection, grouped by as well.
 */
final class GroupingSetsResolver {

  private GroupingSetsResolver() {}

  /** {@code grouping} or {@code grouping_id} used without grouping sets: UNSUPPORTED_GROUPING_EXPRESSION. */
  static void rejectOutsideGroupingSets(UnresolvedFunction call) {
    String name = call.name().toLowerCase(Locale.ROOT);
    if (name.equals("grouping") || name.equals("grouping_id")) {
      throw new AnalysisException("UNSUPPORTED_GROUPING_EXPRESSION", Map.of(), call.origin().line(),
          call.origin().startPosition(), "");
    }
  }

  /**
   * The aggregation {@code node} stands for over the resolved {@code child}; {@code aggregate} builds and
   * checks the Aggregate node.
   */
  static LogicalPlan resolve(GroupingSets node, LogicalPlan child, AggregateBuilder aggregate) {
    List<AttributeReference> input = child.output();
    List<Expression> groupBy = new ArrayList<>();
    List<List<Integer>> sets = new ArrayList<>();
    for (List<Expression> set : node.sets()) {
      List<Integer> indexes = new ArrayList<>();
      for (Expression e : set) {
        Expression resolved = AggregateResolver.stripAlias(ExpressionResolver.resolve(e, input));
        int index = groupBy.indexOf(resolved);
        if (index < 0) {
          groupBy.add(resolved);
          index = groupBy.size() - 1;
        }
        indexes.add(index);
      }
      sets.add(indexes);
    }
    List<AttributeReference> groupingColumns = new ArrayList<>();
    for (Expression e : groupBy) {
      String name = e instanceof AttributeReference a ? a.name() : e.sql();
      groupingColumns.add(AttributeReference.create(name, e.dataType(), true));
    }
    AttributeReference groupingId = AttributeReference.create("spark_grouping_id", DataTypes.LongType, false);
    List<GroupingCall> calls = new ArrayList<>();
    List<Expression> selectList = new ArrayList<>();
    for (Expression item : node.aggregates()) {
      selectList.add(item.transformUp(e -> e instanceof UnresolvedFunction f ? groupingCall(f, input, groupBy,
          calls) : e));
    }
    List<Expression> resolved = ExpressionResolver.resolveSelectList(selectList, input);
    List<Expression> output = new ArrayList<>();
    for (Expression e : resolved) {
      output.add(replaceGrouping(e, groupBy, groupingColumns));
    }
    List<AttributeReference> expandOutput = new ArrayList<>(input);
    expandOutput.addAll(groupingColumns);
    expandOutput.add(groupingId);
    calls.forEach(c -> expandOutput.add(c.attribute()));
    List<List<Expression>> projections = new ArrayList<>();
    for (List<Integer> set : sets) {
      List<Expression> projection = new ArrayList<>(input);
      for (int i = 0; i < groupBy.size(); i++) {
        projection.add(set.contains(i) ? groupBy.get(i) : new Literal(null, groupBy.get(i).dataType()));
      }
      projection.add(new Literal(bits(set, allIndexes(groupBy.size())), DataTypes.LongType));
      for (GroupingCall call : calls) {
        long value = bits(set, call.indexes());
        projection.add(call.single() ? new Literal((int) value, DataTypes.IntegerType)
            : new Literal(value, DataTypes.LongType));
      }
      projections.add(projection);
    }
    List<Expression> grouping = new ArrayList<>(groupingColumns);
    grouping.add(groupingId);
    calls.forEach(c -> grouping.add(c.attribute()));
    Expand expand = new Expand(projections, expandOutput, child);
    if (output.stream().anyMatch(WindowExtraction::hasWindow)) {
      return WindowExtraction.aggregate(grouping, output, expand, (list, keys) -> aggregate.build(keys, list, expand));
    }
    return aggregate.build(grouping, output, expand);
  }

  private static List<Integer> allIndexes(int n) {
    List<Integer> all = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      all.add(i);
    }
    return all;
  }

  /** One bit per column of {@code columns}, first most significant: 1 when {@code set} lacks it. */
  private static long bits(List<Integer> set, List<Integer> columns) {
    long id = 0;
    for (int column : columns) {
      id = (id << 1) | (set.contains(column) ? 0 : 1);
    }
    return id;
  }

  /** Builds and checks an Aggregate node. */
  interface AggregateBuilder {
    Aggregate build(List<Expression> grouping, List<Expression> aggregates, LogicalPlan child);
  }

  /** A grouping(...) or grouping_id(...) call, replaced by a column computed per grouping set. */
  private record GroupingCall(AttributeReference attribute, List<Integer> indexes, boolean single) {
  }

  private static Expression groupingCall(UnresolvedFunction f, List<AttributeReference> input,
      List<Expression> groupBy, List<GroupingCall> calls) {
    String name = f.name().toLowerCase(Locale.ROOT);
    boolean single = name.equals("grouping");
    if (!single && !name.equals("grouping_id")) {
      return f;
    }
    if (single && f.arguments().size() != 1) {
      throw new AnalysisException("WRONG_NUM_ARGS.WITHOUT_SUGGESTION", Map.of("functionName", "`grouping`",
          "expectedNum", "1", "actualNum", String.valueOf(f.arguments().size())), f.origin().line(),
          f.origin().startPosition(), "");
    }
    List<Integer> indexes = new ArrayList<>();
    for (Expression argument : f.arguments()) {
      Expression resolved = ExpressionResolver.resolve(argument, input);
      int index = groupBy.indexOf(resolved);
      if (index < 0) {
        throw new AnalysisException(single ? "GROUPING_COLUMN_MISMATCH" : "GROUPING_ID_COLUMN_MISMATCH",
            Map.of("grouping", resolved.sql(), "groupingColumns", String.join(", ",
                groupBy.stream().map(Expression::sql).toList()), "groupingIdColumn", resolved.sql()),
            f.origin().line(), f.origin().startPosition(), "");
      }
      indexes.add(index);
    }
    if (!single && indexes.isEmpty()) {
      indexes = allIndexes(groupBy.size());
    }
    String sql = name + "(" + String.join(", ", f.arguments().stream().map(ExpressionResolver::prettyName)
        .toList()) + ")";
    AttributeReference attribute = AttributeReference.create(sql, single ? DataTypes.IntegerType
        : DataTypes.LongType, false);
    calls.add(new GroupingCall(attribute, indexes, single));
    return attribute;
  }

  /** {@code e} with grouping expressions outside aggregate functions read from the expanded columns. */
  private static Expression replaceGrouping(Expression e, List<Expression> groupBy,
      List<AttributeReference> columns) {
    if (e instanceof WindowExpression w) {
      // The function of a window is evaluated over the aggregated rows: its arguments read grouping columns.
      Expression function = w.windowFunction();
      List<Expression> arguments = new ArrayList<>();
      for (Expression argument : function.children()) {
        arguments.add(replaceGrouping(argument, groupBy, columns));
      }
      Expression newFunction = arguments.isEmpty() ? function : function.withNewChildren(arguments);
      return new WindowExpression(newFunction, (WindowSpecDefinition) replaceGrouping(w.spec(), groupBy, columns));
    }
    if (e instanceof AggregateFunction) {
      return e;
    }
    int index = e instanceof Alias ? -1 : groupBy.indexOf(e);
    if (index >= 0) {
      return columns.get(index);
    }
    if (e.children().isEmpty()) {
      return e;
    }
    List<Expression> children = new ArrayList<>();
    for (Expression child : e.children()) {
      children.add(replaceGrouping(child, groupBy, columns));
    }
    return e.withNewChildren(children);
  }
}

package dev.ember.sql.optimizer;

import dev.ember.sql.execution.joinfilter.KeyFilters;
import dev.ember.sql.execution.joinfilter.RuntimeFilter;
import dev.ember.sql.plan.Aggregate;
import dev.ember.sql.plan.Filter;
import dev.ember.sql.plan.Join;
import dev.ember.sql.plan.JoinType;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.Project;
import dev.ember.sql.plan.PushableScan;
import dev.ember.sql.plan.SizedRelation;
import dev.ember.sql.plan.Statistics;
import dev.ember.sql.plan.expressions.Alias;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.BinaryComparison;
import dev.ember.sql.plan.expressions.ComparisonOperator;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.In;
import dev.ember.sql.plan.expressions.Literal;
import dev.ember.sql.plan.expressions.ScalarFunction;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.DecimalType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Spark's InjectRuntimeFilter: for an equi-join key pair whose one side (the creation side) is small and
 * selective (a filter with an equality, IN, range or LIKE over a scan) and whose other side's key comes straight
 * from a large file scan (the application side), filters that scan by the creation side's keys, so rows that
 * cannot find a partner are dropped while the file is decoded, before exchanges, aggregations and probes. The
 * filter is a {@link RuntimeFilter} conjunct placed directly above the scan, for {@code PushDownIntoScans} to
 * push into it; it holds the creation plan, cut down to the smallest selective part the key comes from, which
 * runs before the query does, and so must read less than the scan it filters. The application key is traced
 * through projections, filters, grouping columns and the sides of joins that keep its rows as they are (never
 * through limits, windows, unions or samples). Legal
 * directions: inner and left semi joins either way, left anti and left outer joins only their right side, right
 * outer joins only their left side, full outer joins none.
 *
 * <p>Filters are placed in rounds: a creation plan is cut from the plan with the earlier rounds' filters in it,
 * and a runtime filter counts as selective, so a side filtered at run time can filter the other side of a join
 * above it in turn (a chain). A creation side's rows after its own filters are still a superset of the rows the
 * join sees there, since those filters run in the query too. A filter is never placed on a scan that its creation
 * plan reads, directly or through the creation plans of the filters in it, so none can wait on itself; and a
 * chained creation side, re-running a filtered scan, must read strictly less than the scan it filters.
 */
final class InjectRuntimeFilter implements Rule {

  private static final Set<String> SELECTIVE_FUNCTIONS = Set.of("startswith", "endswith", "contains", "rlike");
  private static final Set<String> NONDETERMINISTIC = Set.of("rand", "randn", "random", "uuid", "shuffle",
      "monotonically_increasing_id", "spark_partition_id");

  /** Rounds of placing filters: each may use the filters of the earlier ones in its creation sides. */
  private static final int MAX_ROUNDS = 3;

  private final RuntimeFilterSettings settings;
  /** The creation plans of the filters placed so far: each runs before the query does, whatever else reads it. */
  private final Set<LogicalPlan> creationPlans = new HashSet<>();

  InjectRuntimeFilter(RuntimeFilterSettings settings) {
    this.settings = settings;
  }

  /** A key column traced to the plan it comes from, found by following {@code path} (child indexes). */
  private record Traced(LogicalPlan plan, AttributeReference key, List<Integer> path) {

    Traced(LogicalPlan plan, AttributeReference key) {
      this(plan, key, List.of());
    }

    /** This trace seen from the parent that reached it through its child {@code index}. */
    Traced under(int index) {
      List<Integer> longer = new ArrayList<>();
      longer.add(index);
      longer.addAll(path);
      return new Traced(plan, key, longer);
    }
  }

  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    if (!settings.enabled() || settings.maxFilters() <= 0) {
      return plan;
    }
    LogicalPlan result = plan;
    int[] count = {0};
    for (int round = 0; round < MAX_ROUNDS && count[0] < settings.maxFilters(); round++) {
      // Scans are found by their position: a plan may hold equal scans (a table read twice), of which only the
      // one the key was traced to may be filtered.
      Map<List<Integer>, List<Expression>> filters = new LinkedHashMap<>();
      creationPlans.clear();
      result.transformAllExpressions(e -> {
        if (e instanceof RuntimeFilter filter) {
          creationPlans.add(filter.creationPlan());
        }
        return e;
      });
      collect(result, new ArrayList<>(), filters, count);
      if (filters.isEmpty()) {
        break;
      }
      for (Map.Entry<List<Integer>, List<Expression>> entry : filters.entrySet()) {
        result = placeAt(result, entry.getKey(), 0, entry.getValue());
      }
    }
    return result;
  }

  private void collect(LogicalPlan node, List<Integer> path, Map<List<Integer>, List<Expression>> filters,
      int[] count) {
    if (node instanceof Join join && join.condition() != null) {
      for (Expression conjunct : Predicates.conjuncts(join.condition())) {
        if (count[0] < settings.maxFilters() && conjunct instanceof BinaryComparison c
            && c.operator() == ComparisonOperator.EQUAL && c.left() instanceof AttributeReference a
            && c.right() instanceof AttributeReference b && a.dataType().equals(b.dataType())
            && filterable(a.dataType())) {
          AttributeReference leftKey = join.left().output().contains(a) ? a : b;
          AttributeReference rightKey = leftKey == a ? b : a;
          if (join.left().output().contains(leftKey) && join.right().output().contains(rightKey)
              && injectOne(join, path, leftKey, rightKey, filters)) {
            count[0]++;
          }
        }
      }
    }
    for (int i = 0; i < node.children().size(); i++) {
      path.add(i);
      collect(node.children().get(i), path, filters, count);
      path.remove(path.size() - 1);
    }
  }

  /** Places at most one filter for the key pair, on the larger legal application side. */
  private boolean injectOne(Join join, List<Integer> path, AttributeReference leftKey,
      AttributeReference rightKey, Map<List<Integer>, List<Expression>> filters) {
    JoinType type = join.joinType();
    boolean filterLeft = type == JoinType.INNER || type == JoinType.LEFT_SEMI || type == JoinType.RIGHT_OUTER;
    boolean filterRight = type == JoinType.INNER || type == JoinType.LEFT_SEMI || type == JoinType.LEFT_ANTI
        || type == JoinType.LEFT_OUTER;
    RuntimeFilter onLeft = filterLeft ? candidate(join.left(), leftKey, join.right(), rightKey) : null;
    RuntimeFilter onRight = filterRight ? candidate(join.right(), rightKey, join.left(), leftKey) : null;
    RuntimeFilter chosen = onLeft == null ? onRight
        : onRight == null || onLeft.applicationRows() >= onRight.applicationRows() ? onLeft : onRight;
    if (chosen == null) {
      return false;
    }
    creationPlans.add(chosen.creationPlan());
    int side = chosen == onLeft ? 0 : 1;
    Traced target = traceToScan(join.children().get(side), side == 0 ? leftKey : rightKey);
    List<Integer> scanPath = new ArrayList<>(path);
    scanPath.add(side);
    scanPath.addAll(target.path());
    filters.computeIfAbsent(List.copyOf(scanPath), k -> new ArrayList<>()).add(chosen);
    return true;
  }

  private RuntimeFilter candidate(LogicalPlan application, AttributeReference applicationKey,
      LogicalPlan creation, AttributeReference creationKey) {
    Traced target = traceToScan(application, applicationKey);
    if (target == null || Statistics.sizeInBytes(target.plan()) < settings.applicationSideThreshold()
        || alreadyFiltered((PushableScan) target.plan(), target.key())
        || RuntimeFilterChains.filtersKey(application, target.key())) {
      return null;
    }
    Traced source = pruneCreation(creation, creationKey);
    if (!selective(source.plan()) || RuntimeFilterChains.reads(source.plan(), target.plan())) {
      return null;
    }
    // A chained creation side re-reads a scan as large as it may be: it must read strictly less.
    if (RuntimeFilterChains.chained(source.plan())
        && scannedBytes(source.plan()) >= Statistics.sizeInBytes(target.plan())) {
      return null;
    }
    long rows = Statistics.expectedRowCount(source.plan());
    long bytes = rows == Statistics.UNKNOWN ? Long.MAX_VALUE
        : rows * Statistics.rowWidth(List.of(source.key()));
    // The creation side runs twice (once for its keys): worth it only when it reads less than the scan it filters,
    // or when it runs for another filter anyway and is small enough for its whole output to be kept.
    if (bytes > settings.creationSideThreshold()
        || scannedBytes(source.plan()) > Statistics.sizeInBytes(target.plan()) && !runsAnyway(source.plan())) {
      return null;
    }
    return new RuntimeFilter(target.key(), source.plan(), source.key(), Statistics.rowCount(target.plan()));
  }

  /**
   * Whether {@code creation} is the creation plan of a filter already placed and small enough (by the creation side
   * threshold) for its whole output to be kept when it runs: another key of it then costs no second run.
   */
  private boolean runsAnyway(LogicalPlan creation) {
    long bytes = Statistics.expectedSizeInBytes(creation);
    return creationPlans.contains(creation) && bytes != Statistics.UNKNOWN
        && bytes <= settings.creationSideThreshold();
  }

  /** The file scan {@code key} comes from, unchanged, through nodes that keep or drop whole key groups. */
  static Traced traceToScan(LogicalPlan node, AttributeReference key) {
    if (node instanceof PushableScan && node instanceof SizedRelation) {
      return node.output().contains(key) ? new Traced(node, key) : null;
    }
    if (node instanceof Filter filter) {
      return deterministic(filter.condition()) ? under(traceToScan(filter.child(), key), 0) : null;
    }
    if (node instanceof Project project) {
      AttributeReference below = source(project.projectList(), key);
      return below == null || !deterministic(project.projectList()) ? null
          : under(traceToScan(project.child(), below), 0);
    }
    if (node instanceof Aggregate aggregate) {
      AttributeReference below = source(aggregate.aggregates(), key);
      return below != null && aggregate.grouping().contains(below)
          ? under(traceToScan(aggregate.child(), below), 0) : null;
    }
    if (node instanceof Join join) {
      JoinType type = join.joinType();
      boolean left = join.left().output().contains(key);
      boolean allowed = left ? type != JoinType.RIGHT_OUTER && type != JoinType.FULL_OUTER
          : type == JoinType.INNER || type == JoinType.CROSS || type == JoinType.RIGHT_OUTER;
      return allowed ? under(traceToScan(left ? join.left() : join.right(), key), left ? 0 : 1) : null;
    }
    return null;
  }

  private static Traced under(Traced traced, int index) {
    return traced == null ? null : traced.under(index);
  }

  /** The column below a projection list that {@code key} is (itself, or an alias of it); null if none. */
  private static AttributeReference source(List<Expression> projectList, AttributeReference key) {
    for (Expression e : projectList) {
      if (e instanceof AttributeReference a && a.equals(key)) {
        return a;
      }
      if (e instanceof Alias alias && alias.exprId() == key.exprId()
          && alias.child() instanceof AttributeReference a) {
        return a;
      }
    }
    return null;
  }

  /**
   * The smallest part of the creation side that produces a superset of {@code key}'s values and is still
   * selective: down through projections, filters, grouping columns, and the sides of inner and semi joins,
   * and across an inner join's equality on the key to the side it is equated with.
   */
  private static Traced pruneCreation(LogicalPlan plan, AttributeReference key) {
    Traced current = new Traced(plan, key);
    while (true) {
      Traced next = step(current.plan(), current.key());
      if (next == null || !selective(next.plan())) {
        next = throughEquality(current.plan(), current.key());
      }
      if (next == null || !selective(next.plan())) {
        return current;
      }
      current = next;
    }
  }

  /**
   * The other side of an inner join whose condition equates {@code key} with a column of that side: the key's
   * values in the join's output are among that column's values.
   */
  private static Traced throughEquality(LogicalPlan node, AttributeReference key) {
    if (!(node instanceof Join join) || join.joinType() != JoinType.INNER || join.condition() == null) {
      return null;
    }
    LogicalPlan other = join.left().output().contains(key) ? join.right() : join.left();
    for (Expression conjunct : Predicates.conjuncts(join.condition())) {
      if (conjunct instanceof BinaryComparison c && c.operator() == ComparisonOperator.EQUAL
          && c.left() instanceof AttributeReference a && c.right() instanceof AttributeReference b
          && a.dataType().equals(b.dataType()) && (a.equals(key) || b.equals(key))) {
        AttributeReference equal = a.equals(key) ? b : a;
        if (other.output().contains(equal)) {
          return new Traced(other, equal);
        }
      }
    }
    return null;
  }

  private static Traced step(LogicalPlan node, AttributeReference key) {
    if (node instanceof Filter filter) {
      return new Traced(filter.child(), key);
    }
    if (node instanceof Project project) {
      AttributeReference below = source(project.projectList(), key);
      return below == null ? null : new Traced(project.child(), below);
    }
    if (node instanceof Aggregate aggregate) {
      AttributeReference below = source(aggregate.aggregates(), key);
      return below != null && aggregate.grouping().contains(below) ? new Traced(aggregate.child(), below) : null;
    }
    if (node instanceof Join join && (join.joinType() == JoinType.INNER || join.joinType() == JoinType.LEFT_SEMI)) {
      if (join.left().output().contains(key)) {
        return new Traced(join.left(), key);
      }
      return join.joinType() == JoinType.INNER ? new Traced(join.right(), key) : null;
    }
    return null;
  }

  /** Whether {@code plan} holds a likely selective filter over a scan (IS NOT NULL alone is not). */
  static boolean selective(LogicalPlan plan) {
    if (plan instanceof Filter filter) {
      for (Expression conjunct : Predicates.conjuncts(filter.condition())) {
        if (likelySelective(conjunct) && overScan(filter.child())) {
          return true;
        }
      }
      return selective(filter.child());
    }
    if (plan instanceof Project || plan instanceof Aggregate) {
      return selective(plan.children().get(0));
    }
    if (plan instanceof Join join && (join.joinType() == JoinType.INNER || join.joinType() == JoinType.LEFT_SEMI)) {
      return selective(join.left()) || selective(join.right());
    }
    return false;
  }

  /** The estimated bytes the scans of {@code plan} read. */
  private static long scannedBytes(LogicalPlan plan) {
    if (plan instanceof PushableScan) {
      return Statistics.sizeInBytes(plan);
    }
    long total = 0;
    for (LogicalPlan child : plan.children()) {
      long bytes = scannedBytes(child);
      total = bytes == Statistics.UNKNOWN || total + bytes < 0 ? Statistics.UNKNOWN : total + bytes;
      if (total == Statistics.UNKNOWN) {
        break;
      }
    }
    return total;
  }

  private static boolean overScan(LogicalPlan plan) {
    if (plan instanceof PushableScan) {
      return true;
    }
    return (plan instanceof Filter || plan instanceof Project) && overScan(plan.children().get(0));
  }

  private static boolean likelySelective(Expression e) {
    if (e instanceof BinaryComparison c) {
      return c.operator() != ComparisonOperator.NULL_SAFE_EQUAL
          && (c.left().foldable() != c.right().foldable());
    }
    if (e instanceof dev.ember.sql.plan.expressions.Or or) {
      return likelySelective(or.left()) && likelySelective(or.right());
    }
    if (e instanceof dev.ember.sql.plan.expressions.And and) {
      return likelySelective(and.left()) || likelySelective(and.right());
    }
    if (e instanceof dev.ember.sql.plan.expressions.Like || e instanceof In || e instanceof RuntimeFilter) {
      return true;
    }
    return e instanceof ScalarFunction f && SELECTIVE_FUNCTIONS.contains(f.name());
  }

  /** Whether the scan already keeps only literal values of {@code key} (an equality or IN list). */
  private static boolean alreadyFiltered(PushableScan scan, AttributeReference key) {
    for (Expression conjunct : scan.pushedFilters()) {
      if (conjunct instanceof BinaryComparison c && c.operator() == ComparisonOperator.EQUAL
          && (key.equals(c.left()) && c.right() instanceof Literal
              || key.equals(c.right()) && c.left() instanceof Literal)) {
        return true;
      }
      if (conjunct instanceof In in && key.equals(in.value())
          && in.list().stream().allMatch(item -> item instanceof Literal)) {
        return true;
      }
    }
    return false;
  }

  private static boolean deterministic(Expression e) {
    return !e.exists(x -> x instanceof ScalarFunction f && NONDETERMINISTIC.contains(f.name()));
  }

  private static boolean deterministic(List<Expression> expressions) {
    return expressions.stream().allMatch(InjectRuntimeFilter::deterministic);
  }

  private static boolean filterable(DataType type) {
    return KeyFilters.isIntegral(type) || type == DataTypes.StringType || type instanceof DecimalType
        || type == DataTypes.DoubleType || type == DataTypes.FloatType || type == DataTypes.BooleanType;
  }

  /**
   * {@code node} with {@code filters} placed directly above the scan at {@code path} from it: as more conjuncts
   * of the filter already there, else in a new filter.
   */
  private static LogicalPlan placeAt(LogicalPlan node, List<Integer> path, int depth, List<Expression> filters) {
    if (depth == path.size()) {
      return new Filter(Predicates.and(filters), node);
    }
    if (depth == path.size() - 1 && node instanceof Filter filter) {
      List<Expression> conjuncts = new ArrayList<>(Predicates.conjuncts(filter.condition()));
      conjuncts.addAll(filters);
      return new Filter(Predicates.and(conjuncts), filter.child());
    }
    List<LogicalPlan> children = new ArrayList<>(node.children());
    int index = path.get(depth);
    children.set(index, placeAt(children.get(index), path, depth + 1, filters));
    return node.withNewChildren(children);
  }
}

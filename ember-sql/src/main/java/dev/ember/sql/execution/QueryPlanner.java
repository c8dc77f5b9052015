package dev.ember.sql.execution;

import dev.ember.sql.AnalysisException;
import dev.ember.sql.execution.aggregate.AggregateBuffers;
import dev.ember.sql.execution.aggregate.AggregateMode;
import dev.ember.sql.execution.aggregate.ExpandExec;
import dev.ember.sql.execution.aggregate.HashAggregateExec;
import dev.ember.sql.execution.datasources.FileSourceScanExec;
import dev.ember.sql.execution.datasources.LogicalRelation;
import dev.ember.sql.execution.adaptive.AdaptiveJoinSettings;
import dev.ember.sql.execution.adaptive.AdaptiveSettings;
import dev.ember.sql.execution.adaptive.CoalesceShufflePartitions;
import dev.ember.sql.execution.adaptive.DynamicJoinSelection;
import dev.ember.sql.execution.exchange.EnsureRequirements;
import dev.ember.sql.execution.join.JoinSelection;
import dev.ember.sql.execution.aggregate.DeduplicateExec;
import dev.ember.sql.execution.columnar.CollectedBatchesExec;
import dev.ember.sql.execution.columnar.CollectedRelation;
import dev.ember.sql.execution.columnar.InMemoryRelation;
import dev.ember.sql.execution.columnar.InMemoryTableScanExec;
import dev.ember.sql.execution.exchange.RoundRobinExchangeExec;
import dev.ember.sql.execution.exchange.ShuffleExchangeExec;
import dev.ember.sql.execution.sort.SortExec;
import dev.ember.sql.execution.sort.TakeOrderedExec;
import dev.ember.sql.execution.window.WindowExec;
import dev.ember.sql.plan.Aggregate;
import dev.ember.sql.plan.Expand;
import dev.ember.sql.plan.Deduplicate;
import dev.ember.sql.plan.Filter;
import dev.ember.sql.plan.Join;
import dev.ember.sql.plan.Limit;
import dev.ember.sql.plan.LocalRelation;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.Offset;
import dev.ember.sql.plan.OneRowRelation;
import dev.ember.sql.plan.Project;
import dev.ember.sql.plan.ReplicateRows;
import dev.ember.sql.plan.SetOperation;
import dev.ember.sql.plan.Repartition;
import dev.ember.sql.plan.RepartitionByExpression;
import dev.ember.sql.plan.Sample;
import dev.ember.sql.plan.Sort;
import dev.ember.sql.plan.Window;
import dev.ember.sql.plan.expressions.AggregateFunction;
import dev.ember.sql.plan.expressions.Alias;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.Literal;
import dev.ember.sql.plan.expressions.NamedExpression;
import dev.ember.sql.types.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns an optimized logical plan into a physical plan: one operator per logical node (two for an
 * aggregate: partial and final; two for a limit: local and global), then {@link EnsureRequirements} adds
 * the exchanges the operators' required distributions call for.
 */
public final class QueryPlanner {

  private final int defaultParallelism;
  private final int shufflePartitions;

  private final JoinSelection joinSelection;
  private final AdaptiveSettings adaptive;
  private AdaptiveJoinSettings adaptiveJoins = AdaptiveJoinSettings.disabled();
  private int topKThreshold = DEFAULT_TOP_K_THRESHOLD;
  private dev.ember.sql.execution.aggregate.PartialAggregationSkip partialAggregationSkip =
      dev.ember.sql.execution.aggregate.PartialAggregationSkip.defaults();

  /**
   * The largest LIMIT over an ORDER BY planned as a top-n kept in memory
   * ({@code spark.sql.execution.topKSortFallbackThreshold}); larger ones sort, which spills.
   */
  public static final int DEFAULT_TOP_K_THRESHOLD = 100_000;

  /** A planner splitting local data into {@code defaultParallelism} slices. */
  public QueryPlanner(int defaultParallelism, int shufflePartitions) {
    this(defaultParallelism, shufflePartitions, new JoinSelection(10L << 20, Runtime.getRuntime().maxMemory() / 4));
  }

  /** A planner choosing join operators with {@code joinSelection}. */
  public QueryPlanner(int defaultParallelism, int shufflePartitions, JoinSelection joinSelection) {
    this(defaultParallelism, shufflePartitions, joinSelection, AdaptiveSettings.disabled());
  }

  /** A planner choosing join operators with {@code joinSelection} and reading shuffles as {@code adaptive} says. */
  public QueryPlanner(int defaultParallelism, int shufflePartitions, JoinSelection joinSelection,
      AdaptiveSettings adaptive) {
    this.defaultParallelism = defaultParallelism;
    this.shufflePartitions = shufflePartitions;
    this.joinSelection = joinSelection;
    this.adaptive = adaptive;
  }

  /**
   * A planner choosing join operators with {@code joinSelection}, reading shuffles as {@code adaptive} says and
   * converting shuffled joins to broadcasts at run time as {@code adaptiveJoins} says.
   */
  public QueryPlanner(int defaultParallelism, int shufflePartitions, JoinSelection joinSelection,
      AdaptiveSettings adaptive, AdaptiveJoinSettings adaptiveJoins) {
    this(defaultParallelism, shufflePartitions, joinSelection, adaptive);
    this.adaptiveJoins = adaptiveJoins;
  }

  /** This planner, its partial aggregations skipping as {@code skip} says; returns itself. */
  public QueryPlanner withPartialAggregationSkip(dev.ember.sql.execution.aggregate.PartialAggregationSkip skip) {
    this.partialAggregationSkip = skip;
    return this;
  }

  /** This planner, planning LIMITs over ORDER BYs of at most {@code rows} rows as a top-n; returns itself. */
  public QueryPlanner withTopKThreshold(int rows) {
    this.topKThreshold = rows;
    return this;
  }

  /** The physical plan of {@code plan}, with the exchanges its operators require. */
  public PhysicalPlan plan(LogicalPlan plan) {
    PhysicalPlan withExchanges = EnsureRequirements.apply(planOperators(plan), shufflePartitions);
    withExchanges = dev.ember.sql.execution.join.PruneJoinOutputs.apply(withExchanges);
    // Before the adaptive steps: they mark joins and group exchange reads by node identity, which a later
    // rebuild of their parents would break (a join over a coalesced read and an uncoalesced one).
    withExchanges = dev.ember.sql.execution.aggregate.CombineAggregatePhases.apply(withExchanges);
    withExchanges = DynamicJoinSelection.apply(withExchanges, adaptiveJoins);
    withExchanges = dev.ember.sql.execution.join.EnableDynamicJoinFilters.apply(withExchanges,
        adaptiveJoins.runtimeFilter());
    return CoalesceShufflePartitions.apply(withExchanges, adaptive);
  }

  /** A repartition's exchange: by range for sort-order keys (repartitionByRange), else by hash. */
  private static Partitioning repartitioning(RepartitionByExpression repartition) {
    return repartition.byRange() ? new Partitioning.Range(repartition.rangeOrdering(), repartition.numPartitions())
        : new Partitioning.Hash(repartition.partitionExpressions(), repartition.numPartitions());
  }

  private PhysicalPlan planOperators(LogicalPlan plan) {
    if (plan instanceof LocalRelation relation) {
      return new LocalTableScanExec(relation.output(), relation.rows(), defaultParallelism);
    }
    if (plan instanceof LogicalRelation relation) {
      return new FileSourceScanExec(relation);
    }
    if (plan instanceof Deduplicate deduplicate) {
      return new DeduplicateExec(deduplicate.keys(), planOperators(deduplicate.child()));
    }
    if (plan instanceof Repartition repartition) {
      PhysicalPlan child = planOperators(repartition.child());
      return repartition.shuffle() ? new RoundRobinExchangeExec(repartition.numPartitions(), child)
          : new CoalesceExec(repartition.numPartitions(), child);
    }
    if (plan instanceof RepartitionByExpression repartition) {
      return new ShuffleExchangeExec(repartitioning(repartition), planOperators(repartition.child()), true);
    }
    if (plan instanceof Sample sample) {
      return new SampleExec(sample.fraction(), sample.withReplacement(), sample.seed(),
          planOperators(sample.child()));
    }
    if (plan instanceof InMemoryRelation cached) {
      return new InMemoryTableScanExec(cached.output(), cached.cachedBatches());
    }
    if (plan instanceof dev.ember.sql.execution.datasources.jdbc.JdbcRelation relation) {
      return new dev.ember.sql.execution.datasources.jdbc.JdbcScanExec(relation);
    }
    if (plan instanceof OneRowRelation) {
      return new LocalTableScanExec(List.of(), List.of(List.of()), 1);
    }
    if (plan instanceof Project project) {
      return planProject(project);
    }
    if (plan instanceof dev.ember.sql.plan.Generate generate) {
      return new dev.ember.sql.execution.generate.GenerateExec(generate.generator(), generate.generatorOutput(),
          planOperators(generate.child()));
    }
    if (plan instanceof Filter filter) {
      return planFilter(filter);
    }
    if (plan instanceof Aggregate aggregate) {
      return planAggregate(aggregate);
    }
    if (plan instanceof Sort sort) {
      return new SortExec(sort.order(), sort.global(), false, planOperators(sort.child()));
    }
    if (plan instanceof Limit limit) {
      return planLimit(limit);
    }
    if (plan instanceof Expand expand) {
      return new ExpandExec(expand.projections(), expand.output(), planOperators(expand.child()));
    }
    if (plan instanceof Window window) {
      // EnsureRequirements adds the exchange on the partition keys and the sort within partitions.
      return new WindowExec(window.windowExpressions(), window.partitionSpec(), window.orderSpec(),
          planOperators(window.child()));
    }
    if (plan instanceof Offset offset) {
      int n = (Integer) ((Literal) offset.offset()).value();
      return new OffsetExec(n, sortInOnePartition(planOperators(offset.child())));
    }
    if (plan instanceof ReplicateRows replicate) {
      return new ReplicateRowsExec(replicate.count(), replicate.output(), planOperators(replicate.child()));
    }
    if (plan instanceof Join join) {
      return joinSelection.plan(join, this::planOperators);
    }
    if (plan instanceof dev.ember.sql.plan.ResolvedHint hint) {
      return planOperators(hint.child());
    }
    if (plan instanceof SetOperation union && union.kind() == SetOperation.Kind.UNION && union.all()) {
      return new UnionExec(union.output(), List.of(planOperators(union.left()), planOperators(union.right())));
    }
    if (plan instanceof dev.ember.sql.plan.objects.ObjectOperator typed) {
      return dev.ember.sql.execution.objects.ObjectPlanning.plan(typed, this::planOperators);
    }
    return planReusedSubplan(plan);
  }

  /**
   * A subplan shared with subqueries, read from its query-scoped cache, or one already run for a runtime filter;
   * no other node is known here.
   */
  private PhysicalPlan planReusedSubplan(LogicalPlan plan) {
    if (plan instanceof dev.ember.sql.execution.columnar.ReusedSubplanRelation reused) {
      return new InMemoryTableScanExec(reused.output(), reused.cachedBatches(), true);
    }
    if (plan instanceof CollectedRelation collected) {
      return new CollectedBatchesExec(collected, defaultParallelism);
    }
    throw AnalysisException.unsupported("executing the plan node " + plan.simpleString());
  }

  /** A projection; on a file scan, which learns the columns only its own filter reads, that it need not make. */
  private PhysicalPlan planProject(Project project) {
    PhysicalPlan child = planOperators(project.child());
    if (child instanceof FileSourceScanExec scan) {
      java.util.Set<AttributeReference> used = new java.util.HashSet<>();
      project.projectList().forEach(e -> used.addAll(e.references()));
      child = scan.withColumnsUsedAbove(used);
    }
    return new ProjectExec(project.projectList(), child);
  }

  /** A filter, or a file scan alone when it applies every conjunct exactly while it decodes. */
  private PhysicalPlan planFilter(Filter filter) {
    if (filter.child() instanceof LogicalRelation relation) {
      java.util.Optional<FileSourceScanExec> filtering =
          FileSourceScanExec.applyingFilter(relation, filter.condition());
      if (filtering.isPresent()) {
        return filtering.get();
      }
    }
    return new FilterExec(filter.condition(), planOperators(filter.child()));
  }

  /**
   * Under a limit, a global sort (possibly below projects) sorts in one partition: a range-partitioned sort
   * would need its partitions read in order, which a shuffle to one partition does not promise.
   */
  private PhysicalPlan planLimit(Limit limit) {
    int n = (Integer) ((Literal) limit.limit()).value();
    PhysicalPlan planned = planOperators(limit.child());
    PhysicalPlan top = n <= topKThreshold ? takeOrdered(n, planned) : null;
    if (top != null) {
      return top;
    }
    // A local limit first, so at most n rows a partition reach the exchange the global limit needs.
    return new LimitExec(n, true, new LimitExec(n, false, sortInOnePartition(planned)));
  }

  /**
   * The first {@code n} rows of a global sort, possibly under projections, planned as a top-n
   * ({@link TakeOrderedExec}) with the projections above it; null when {@code plan} is no such sort.
   */
  private static PhysicalPlan takeOrdered(int n, PhysicalPlan plan) {
    if (plan instanceof SortExec sort && sort.global()) {
      return TakeOrderedExec.of(n, sort.order(), sort.children().get(0));
    }
    if (plan instanceof ProjectExec project) {
      PhysicalPlan inner = takeOrdered(n, project.children().get(0));
      return inner == null ? null : project.withNewChildren(List.of(inner));
    }
    return null;
  }

  private static PhysicalPlan sortInOnePartition(PhysicalPlan plan) {
    if (plan instanceof SortExec sort) {
      return sort.inSinglePartition();
    }
    if (plan instanceof ProjectExec project) {
      return project.withNewChildren(List.of(sortInOnePartition(project.children().get(0))));
    }
    return plan;
  }

  private PhysicalPlan planAggregate(Aggregate aggregate) {
    List<NamedExpression> grouping = new ArrayList<>();
    for (Expression g : aggregate.grouping()) {
      grouping.add(g instanceof AttributeReference a ? a : new Alias(g, g.sql()));
    }
    List<AttributeReference> groupingAttributes = grouping.stream().map(NamedExpression::toAttribute).toList();
    List<AggregateFunction> functions = new ArrayList<>();
    for (Expression e : aggregate.aggregates()) {
      e.exists(node -> {
        if (node instanceof AggregateFunction f && !functions.contains(f)) {
          functions.add(f);
        }
        return false;
      });
    }
    List<AttributeReference> resultAttributes = new ArrayList<>();
    List<AttributeReference> bufferAttributes = new ArrayList<>();
    for (AggregateFunction f : functions) {
      resultAttributes.add(AttributeReference.create(f.sql(), f.dataType(), f.nullable()));
      for (DataType type : AggregateBuffers.types(f)) {
        bufferAttributes.add(AttributeReference.create(f.prettyName() + "_buffer", type, true));
      }
    }
    List<Expression> resultExpressions = new ArrayList<>();
    for (Expression e : aggregate.aggregates()) {
      resultExpressions.add(e.transformDown(node -> {
        int g = aggregate.grouping().indexOf(node);
        if (g >= 0 && !(node instanceof Alias)) {
          return groupingAttributes.get(g);
        }
        int f = node instanceof AggregateFunction fn ? functions.indexOf(fn) : -1;
        return f >= 0 ? resultAttributes.get(f) : node;
      }));
    }
    PhysicalPlan partial = new HashAggregateExec(AggregateMode.PARTIAL, grouping, functions, bufferAttributes,
        resultAttributes, List.of(), planOperators(aggregate.child())).withPartialSkip(partialAggregationSkip);
    // The final phase requires rows clustered by the grouping keys; EnsureRequirements adds the exchange.
    return new HashAggregateExec(AggregateMode.FINAL, new ArrayList<>(groupingAttributes), functions,
        bufferAttributes, resultAttributes, resultExpressions, partial);
  }
}

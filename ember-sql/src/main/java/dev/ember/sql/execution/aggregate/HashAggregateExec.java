package dev.ember.sql.execution.aggregate;

import dev.ember.rdd.RDD;
import dev.ember.sql.execution.Distribution;
import dev.ember.sql.execution.ExecutionContext;
import dev.ember.sql.execution.ExplainStrings;
import dev.ember.sql.execution.Partitioning;
import dev.ember.sql.execution.PhysicalPlan;
import dev.ember.sql.execution.expressions.BindReferences;
import dev.ember.sql.execution.expressions.CommonSubexpressions;
import dev.ember.sql.execution.spill.TaskSpill;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.plan.expressions.AggregateFunction;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.NamedExpression;
import dev.ember.sql.plan.expressions.ScalarFunction;
import dev.ember.sql.types.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * Hash aggregation, planned in two phases around an exchange as in Spark: PARTIAL groups the rows of each
 * input partition into buffers; the exchange brings equal keys together; FINAL merges the buffers and
 * computes the select list. Each phase's hash table spills sorted runs of partial rows when the task denies it
 * memory and merges them by key at the end ({@link SpillableAggregation}). Where the input is already
 * clustered by the keys, the two phases run as one COMPLETE phase (Spark's Complete mode).
 */
public final class HashAggregateExec extends PhysicalPlan {

  private static final long serialVersionUID = 1L;
  private final AggregateMode mode;
  private final List<NamedExpression> grouping;
  private final List<AggregateFunction> functions;
  private final List<AttributeReference> bufferAttributes;
  private final List<AttributeReference> resultAttributes;
  private final List<Expression> resultExpressions;
  private final PhysicalPlan child;
  private PartialAggregationSkip partialSkip = PartialAggregationSkip.defaults();
  private transient volatile boolean mergedOnDriver;

  /**
   * An aggregation phase.
   *
   * @param grouping the grouping expressions (PARTIAL) or the grouping attributes the partial output starts
   *     with (FINAL)
   * @param functions the distinct aggregate functions, over the original input
   * @param bufferAttributes the columns of the partial output after the grouping columns
   * @param resultAttributes one attribute per function standing for its result in {@code resultExpressions}
   * @param resultExpressions the FINAL output, over grouping attributes and result attributes
   */
  public HashAggregateExec(AggregateMode mode, List<NamedExpression> grouping, List<AggregateFunction> functions,
      List<AttributeReference> bufferAttributes, List<AttributeReference> resultAttributes,
      List<Expression> resultExpressions, PhysicalPlan child) {
    this.mode = mode;
    this.grouping = List.copyOf(grouping);
    this.functions = List.copyOf(functions);
    this.bufferAttributes = List.copyOf(bufferAttributes);
    this.resultAttributes = List.copyOf(resultAttributes);
    this.resultExpressions = List.copyOf(resultExpressions);
    this.child = child;
  }

  @Override
  public List<PhysicalPlan> children() {
    return List.of(child);
  }

  @Override
  public PhysicalPlan withNewChildren(List<PhysicalPlan> newChildren) {
    return new HashAggregateExec(mode, grouping, functions, bufferAttributes, resultAttributes, resultExpressions,
        newChildren.get(0)).withPartialSkip(partialSkip);
  }

  /**
   * This operator, its PARTIAL phase skipping as {@code skip} says when hashing does not reduce its rows
   * ({@code ember.sql.aggregate.skipPartialAggregation}).
   */
  public HashAggregateExec withPartialSkip(PartialAggregationSkip skip) {
    HashAggregateExec copy = new HashAggregateExec(mode, grouping, functions, bufferAttributes, resultAttributes,
        resultExpressions, child);
    copy.partialSkip = skip;
    return copy;
  }

  @Override
  public List<Distribution> requiredChildDistribution() {
    if (mode == AggregateMode.PARTIAL) {
      return List.of(new Distribution.Unspecified());
    }
    return List.of(grouping.isEmpty() ? new Distribution.AllTuples()
        : new Distribution.Clustered(new ArrayList<>(groupingAttributes())));
  }

  private List<AttributeReference> groupingAttributes() {
    return grouping.stream().map(NamedExpression::toAttribute).toList();
  }

  @Override
  public List<AttributeReference> output() {
    if (mode == AggregateMode.PARTIAL) {
      List<AttributeReference> out = new ArrayList<>(groupingAttributes());
      out.addAll(bufferAttributes);
      return out;
    }
    return resultExpressions.stream().map(e -> ((NamedExpression) e).toAttribute()).toList();
  }

  /**
   * The expressions this phase evaluates over its child's rows (its grouping keys and aggregate functions), so
   * the child may leave out every other column; empty for a FINAL phase, which reads its child's columns by
   * position.
   */
  public java.util.Optional<List<Expression>> childReads() {
    if (mode == AggregateMode.FINAL) {
      return java.util.Optional.empty();
    }
    List<Expression> reads = new ArrayList<>(grouping);
    reads.addAll(functions);
    return java.util.Optional.of(reads);
  }

  @Override
  public Partitioning outputPartitioning() {
    return child.outputPartitioning();
  }

  @Override
  public RDD<ColumnarBatch> execute(ExecutionContext context) {
    List<AggregateEvaluator> evaluators = functions.stream().map(AggregateEvaluator::of).toList();
    List<DataType> groupTypes = grouping.stream().map(Expression::dataType).toList();
    if (mode == AggregateMode.COMPLETE) {
      return executeComplete(context, evaluators);
    }
    if (mode == AggregateMode.PARTIAL) {
      List<DataType> outputTypes = output().stream().map(AttributeReference::dataType).toList();
      int keyCount = grouping.size();
      BoundInputs bound = bindInputs();
      CommonSubexpressions shared = bound.shared();
      List<Expression> sharedKeys = bound.keys();
      List<Expression> sharedInputs = bound.inputs();
      PartialAggregationSkip skip = partialSkip;
      return child.execute(context).mapPartitions(batches -> new PartialAggregation(batches,
          TaskSpill.forCurrentTask(), evaluators, keyCount, outputTypes, shared, sharedKeys, sharedInputs, skip));
    }
    List<AttributeReference> intermediate = new ArrayList<>(groupingAttributes());
    intermediate.addAll(resultAttributes);
    List<DataType> intermediateTypes = intermediate.stream().map(AttributeReference::dataType).toList();
    List<Expression> results = BindReferences.bindAll(resultExpressions, intermediate);
    int groupCount = grouping.size();
    List<DataType> partialTypes = child.output().stream().map(AttributeReference::dataType).toList();
    mergedOnDriver = false;
    return child.execute(context).mapPartitions(batches -> {
      SpillableAggregation table = new SpillableAggregation(TaskSpill.forCurrentTask(), evaluators, groupCount,
          partialTypes);
      while (batches.hasNext()) {
        table.merge(batches.next());
      }
      return table.output(groups -> groups.finalOutput(groupCount, intermediateTypes, results));
    });
  }

  /**
   * A FINAL phase without grouping over a planned single-partition exchange, as Spark's {@code executeCollect}
   * takes a last step on the driver: the partial buffers (one row a partition) are collected and merged on the
   * driver, so no shuffle stage runs to move those few rows into one partition and no single-task stage merges
   * them. Otherwise (grouping, a nondeterministic select list, another child) as {@link #execute}.
   */
  @Override
  public List<ColumnarBatch> executeCollect(ExecutionContext context) {
    if (mode != AggregateMode.FINAL || !grouping.isEmpty() || !child.gathersIntoOnePartition()
        || resultExpressions.stream().anyMatch(ScalarFunction::containsNondeterministic)) {
      mergedOnDriver = false;
      return super.executeCollect(context);
    }
    PhysicalPlan input = child.children().get(0);
    List<ColumnarBatch> partials = input.execute(context).collect();
    List<AggregateEvaluator> evaluators = functions.stream().map(AggregateEvaluator::of).toList();
    List<DataType> resultTypes = resultAttributes.stream().map(AttributeReference::dataType).toList();
    List<Expression> results = BindReferences.bindAll(resultExpressions, resultAttributes);
    // One group: nothing to spill, so the table needs no task's memory.
    AggregationTable table = new AggregationTable(evaluators);
    for (ColumnarBatch batch : partials) {
      table.merge(batch, 0);
    }
    List<ColumnarBatch> out = new ArrayList<>();
    table.finalOutput(0, resultTypes, results).forEachRemaining(out::add);
    mergedOnDriver = true;
    return out;
  }

  /**
   * This final phase and the partial phase directly below it (no exchange between them, so the partial phase's
   * input is already clustered by the keys) as one COMPLETE aggregation over the partial phase's input; empty
   * unless this is FINAL over PARTIAL grouping by plain columns.
   */
  public java.util.Optional<HashAggregateExec> completeOverPartial() {
    if (mode != AggregateMode.FINAL || !(child instanceof HashAggregateExec partial)
        || partial.mode != AggregateMode.PARTIAL
        || !partial.grouping.stream().allMatch(g -> g instanceof AttributeReference)) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(new HashAggregateExec(AggregateMode.COMPLETE, partial.grouping, functions,
        bufferAttributes, resultAttributes, resultExpressions, partial.child));
  }

  /** COMPLETE: input rows into buffers as PARTIAL does, then results as FINAL does, in one task pass. */
  /** The grouping keys and function inputs bound to the child's output, their common parts computed once. */
  private record BoundInputs(CommonSubexpressions shared, List<Expression> keys, List<Expression> inputs) {
  }

  private BoundInputs bindInputs() {
    List<Expression> keys = BindReferences.bindAll(grouping.stream().map(HashAggregateExec::unalias).toList(),
        child.output());
    List<Expression> inputs = BindReferences.bindAll(functions.stream().map(AggregateFunction::input).toList(),
        child.output());
    List<Expression> all = new ArrayList<>(keys);
    all.addAll(inputs);
    CommonSubexpressions shared = CommonSubexpressions.of(all, child.output().size());
    return new BoundInputs(shared, List.copyOf(shared.expressions().subList(0, keys.size())),
        List.copyOf(shared.expressions().subList(keys.size(), all.size())));
  }

  private RDD<ColumnarBatch> executeComplete(ExecutionContext context, List<AggregateEvaluator> evaluators) {
    // The rows a spill writes are partial rows: the keys, then every function's buffer slots.
    List<DataType> partialTypes = new ArrayList<>(grouping.stream().map(Expression::dataType).toList());
    bufferAttributes.forEach(b -> partialTypes.add(b.dataType()));
    List<AttributeReference> intermediate = new ArrayList<>(groupingAttributes());
    intermediate.addAll(resultAttributes);
    List<DataType> intermediateTypes = intermediate.stream().map(AttributeReference::dataType).toList();
    List<Expression> results = BindReferences.bindAll(resultExpressions, intermediate);
    int keyCount = grouping.size();
    BoundInputs bound = bindInputs();
    CommonSubexpressions shared = bound.shared();
    List<Expression> sharedKeys = bound.keys();
    List<Expression> sharedInputs = bound.inputs();
    List<DataType> types = List.copyOf(partialTypes);
    return child.execute(context).mapPartitions(batches -> {
      SpillableAggregation table = new SpillableAggregation(TaskSpill.forCurrentTask(), evaluators, keyCount, types);
      while (batches.hasNext()) {
        table.update(shared.extend(batches.next()), sharedKeys, sharedInputs);
      }
      return table.output(groups -> groups.finalOutput(keyCount, intermediateTypes, results));
    });
  }

  private static Expression unalias(NamedExpression e) {
    return e instanceof dev.ember.sql.plan.expressions.Alias alias ? alias.child() : e;
  }

  @Override
  public String simpleString() {
    List<String> names = new ArrayList<>();
    for (AggregateFunction f : functions) {
      names.add((mode == AggregateMode.PARTIAL ? "partial_" : "") + ExplainStrings.expr(f));
    }
    return "HashAggregate(keys=" + ExplainStrings.list(groupingAttributes()) + ", functions="
        + "[" + String.join(", ", names) + "]" + ")"
        + (mergedOnDriver ? " merged on the driver: the exchange below did not run" : "");
  }
}

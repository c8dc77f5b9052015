package dev.ember.sql.execution.window;

import dev.ember.rdd.RDD;
import dev.ember.sql.execution.Distribution;
import dev.ember.sql.execution.ExecutionContext;
import dev.ember.sql.execution.ExplainStrings;
import dev.ember.sql.execution.Partitioning;
import dev.ember.sql.execution.PhysicalPlan;
import dev.ember.sql.execution.expressions.BindReferences;
import dev.ember.sql.execution.spill.RowBatches;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.plan.expressions.AggregateFunction;
import dev.ember.sql.plan.expressions.Alias;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.FrameValueFunction;
import dev.ember.sql.plan.expressions.NamedExpression;
import dev.ember.sql.plan.expressions.OffsetWindowFunction;
import dev.ember.sql.plan.expressions.RankingFunction;
import dev.ember.sql.plan.expressions.SortOrder;
import dev.ember.sql.plan.expressions.WindowExpression;
import dev.ember.sql.plan.expressions.WindowFrame;
import dev.ember.sql.types.DataType;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Computes window expressions sharing one partitioning and ordering. It requires its input clustered by
 * the partition keys (one partition when there are none) and sorted by partition keys then sort keys within
 * each task partition, so EnsureRequirements adds the exchange and a local sort. Each task reads its rows,
 * cuts them into window partitions where the partition keys change, and evaluates every expression over
 * each partition in linear time (n log n for RANGE frames with value bounds); the output is the input
 * columns followed by one column per window expression.
 */
public final class WindowExec extends PhysicalPlan {

  private static final long serialVersionUID = 1L;
  private final List<Expression> windowExpressions;
  private final List<Expression> partitionSpec;
  private final List<SortOrder> orderSpec;
  private final PhysicalPlan child;

  /** Window expressions (aliases of {@link WindowExpression}) over {@code child}. */
  public WindowExec(List<Expression> windowExpressions, List<Expression> partitionSpec, List<SortOrder> orderSpec,
      PhysicalPlan child) {
    this.windowExpressions = List.copyOf(windowExpressions);
    this.partitionSpec = List.copyOf(partitionSpec);
    this.orderSpec = List.copyOf(orderSpec);
    this.child = child;
  }

  @Override
  public List<PhysicalPlan> children() {
    return List.of(child);
  }

  @Override
  public PhysicalPlan withNewChildren(List<PhysicalPlan> newChildren) {
    return new WindowExec(windowExpressions, partitionSpec, orderSpec, newChildren.get(0));
  }

  @Override
  public List<Distribution> requiredChildDistribution() {
    return List.of(partitionSpec.isEmpty() ? new Distribution.AllTuples()
        : new Distribution.Clustered(partitionSpec));
  }

  @Override
  public List<List<SortOrder>> requiredChildOrdering() {
    List<SortOrder> ordering = new ArrayList<>();
    for (Expression key : partitionSpec) {
      ordering.add(SortOrder.of(key, true));
    }
    ordering.addAll(orderSpec);
    return List.of(ordering);
  }

  @Override
  public List<AttributeReference> output() {
    List<AttributeReference> out = new ArrayList<>(child.output());
    for (Expression e : windowExpressions) {
      out.add(((NamedExpression) e).toAttribute());
    }
    return out;
  }

  @Override
  public Partitioning outputPartitioning() {
    return child.outputPartitioning();
  }

  @Override
  public RDD<ColumnarBatch> execute(ExecutionContext context) {
    List<AttributeReference> input = child.output();
    int width = input.size();
    // Columns computed per batch and appended to each row: partition keys, sort keys, function inputs.
    List<Expression> extra = new ArrayList<>();
    int[] partitionPositions = positions(partitionSpec, extra, width);
    int[] orderPositions = positions(orderSpec.stream().map(SortOrder::child).toList(), extra, width);
    boolean ascending = orderSpec.isEmpty() || orderSpec.get(0).ascending();
    int keyPosition = orderSpec.size() == 1 ? orderPositions[0] : -1;
    List<WindowEvaluator> evaluators = new ArrayList<>();
    List<DataType> types = new ArrayList<>(input.stream().map(AttributeReference::dataType).toList());
    for (Expression e : windowExpressions) {
      WindowExpression w = (WindowExpression) ((Alias) e).child();
      evaluators.add(evaluator(w, extra, width, keyPosition, ascending));
      types.add(w.dataType());
    }
    List<Expression> bound = BindReferences.bindAll(extra, input);
    return child.execute(context).mapPartitions(batches -> evaluate(batches, bound, width, partitionPositions,
        orderPositions, evaluators, types));
  }

  private static int[] positions(List<Expression> keys, List<Expression> extra, int width) {
    int[] positions = new int[keys.size()];
    for (int i = 0; i < positions.length; i++) {
      positions[i] = position(keys.get(i), extra, width);
    }
    return positions;
  }

  private static int position(Expression e, List<Expression> extra, int width) {
    int existing = extra.indexOf(e);
    if (existing >= 0) {
      return width + existing;
    }
    extra.add(e);
    return width + extra.size() - 1;
  }

  private static WindowEvaluator evaluator(WindowExpression w, List<Expression> extra, int width, int keyPosition,
      boolean ascending) {
    Expression function = w.windowFunction();
    WindowFrame frame = w.spec().frame();
    if (function instanceof RankingFunction ranking) {
      return new RankingEvaluator(ranking.kind(), ranking.buckets());
    }
    if (function instanceof OffsetWindowFunction offset) {
      return new OffsetEvaluator(offset.signedOffset(), position(offset.input(), extra, width),
          position(offset.defaultValue(), extra, width));
    }
    if (function instanceof FrameValueFunction value) {
      return new FrameValueEvaluator(value.kind(), value.n(), position(value.input(), extra, width), frame,
          keyPosition, ascending);
    }
    AggregateFunction aggregate = (AggregateFunction) function;
    return new FrameAggregateEvaluator(FrameAggregator.kindOf(aggregate), position(aggregate.input(), extra, width),
        frame, keyPosition, ascending);
  }

  private static Iterator<ColumnarBatch> evaluate(Iterator<ColumnarBatch> batches, List<Expression> extra,
      int width, int[] partitionPositions, int[] orderPositions, List<WindowEvaluator> evaluators,
      List<DataType> types) {
    Iterator<Object[]> input = WindowRows.inputRows(batches, extra, width);
    return new RowBatches(new WindowRows(input, width, partitionPositions, orderPositions, evaluators), types);
  }

  @Override
  public String simpleString() {
    return "Window " + ExplainStrings.list(windowExpressions) + ", " + ExplainStrings.list(partitionSpec) + ", "
        + ExplainStrings.list(orderSpec);
  }
}

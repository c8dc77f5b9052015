package dev.ember.sql.execution.aggregate;

import dev.ember.sql.plan.expressions.AggregateFunction;
import dev.ember.sql.plan.expressions.ApproxCountDistinct;
import dev.ember.sql.plan.expressions.CentralMomentAggregate;
import dev.ember.sql.plan.expressions.FirstLast;
import dev.ember.sql.plan.expressions.Average;
import dev.ember.sql.plan.expressions.Count;
import dev.ember.sql.plan.expressions.Max;
import dev.ember.sql.plan.expressions.Min;
import dev.ember.sql.plan.expressions.OrderStatistic;
import dev.ember.sql.plan.expressions.Sum;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.DecimalType;
import java.io.Serializable;
import java.util.List;

/**
 * How one aggregate function computes in two phases: the types of its buffer (the partial aggregate's
 * output columns) and a factory of per-task {@link GroupedState}s. Travels to tasks, so it is Serializable.
 */
interface AggregateEvaluator extends Serializable {

  /** The types of the buffer slots, as the partial aggregate's output columns. */
  List<DataType> bufferTypes();

  /** Empty buffers for the groups of one task. */
  GroupedState newState();

  /** The evaluator for {@code function}. */
  static AggregateEvaluator of(AggregateFunction function) {
    if (function instanceof Count) {
      return new Simple(List.of(DataTypes.LongType), CountState::new);
    }
    if (function instanceof Sum sum && sum.dataType() instanceof DecimalType type) {
      return new Simple(List.of(type), () -> new DecimalSumState(type));
    }
    if (function instanceof Average avg && avg.input().dataType() instanceof DecimalType input) {
      DecimalType sumType = DecimalType.bounded(input.precision() + 10, input.scale());
      DecimalType resultType = (DecimalType) avg.dataType();
      return new Simple(List.of(sumType, DataTypes.LongType), () -> new DecimalAverageState(sumType, resultType));
    }
    if (function instanceof Sum sum) {
      DataType type = sum.dataType();
      return new Simple(List.of(type), () -> new SumState(type));
    }
    if (function instanceof Average) {
      return new Simple(List.of(DataTypes.DoubleType, DataTypes.LongType), AverageState::new);
    }
    if (function instanceof CentralMomentAggregate moment) {
      boolean sample = moment.sample();
      boolean root = moment.standardDeviation();
      return new Simple(List.of(DataTypes.DoubleType, DataTypes.DoubleType, DataTypes.DoubleType),
          () -> new CentralMomentState(sample, root));
    }
    if (function instanceof FirstLast first) {
      boolean ignoreNulls = first.ignoreNulls();
      boolean last = first.last();
      return new Simple(List.of(first.dataType(), DataTypes.BooleanType), () -> new FirstLastState(ignoreNulls,
          last));
    }
    if (function instanceof ApproxCountDistinct approx) {
      int p = approx.precisionBits();
      return new Simple(java.util.Collections.nCopies(HyperLogLogState.wordCount(p), DataTypes.LongType),
          () -> new HyperLogLogState(p));
    }
    if (function instanceof OrderStatistic statistic) {
      OrderStatistic.Kind kind = statistic.kind();
      double percentage = statistic.percentage();
      int accuracy = statistic.accuracy();
      return new Simple(List.of(DataTypes.StringType), () -> new OrderStatisticState(kind, percentage, accuracy));
    }
    if (function instanceof dev.ember.sql.plan.expressions.CollectList collect) {
      boolean set = collect.set();
      return new Simple(List.of(collect.dataType()), () -> new CollectState(set));
    }
    if (function instanceof Min min) {
      return new Simple(List.of(min.dataType()), () -> new ExtremumState(false));
    }
    if (function instanceof Max max) {
      return new Simple(List.of(max.dataType()), () -> new ExtremumState(true));
    }
    throw new IllegalStateException("no evaluator for aggregate " + function.sql() + "; this is a bug");
  }

  /** A serializable factory of states. */
  interface StateFactory extends Serializable {
    GroupedState create();
  }

  /** An evaluator from its buffer types and a state factory. */
  record Simple(List<DataType> bufferTypes, StateFactory factory) implements AggregateEvaluator {
    @Override
    public GroupedState newState() {
      return factory.create();
    }
  }
}

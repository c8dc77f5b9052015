package dev.ember.sql.execution.aggregate;

import dev.ember.sql.plan.expressions.AggregateFunction;
import dev.ember.sql.types.DataType;
import java.util.List;

/** The buffer layout of aggregate functions, for the planner to name the partial aggregate's columns. */
public final class AggregateBuffers {

  private AggregateBuffers() {}

  /** The types of {@code function}'s buffer slots. */
  public static List<DataType> types(AggregateFunction function) {
    return AggregateEvaluator.of(function).bufferTypes();
  }
}

package dev.ember.sql.plan.objects;

import dev.ember.sql.encoders.ExpressionEncoder;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.UnaryNode;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Expression;
import java.util.List;
import java.util.Map;

/**
 * Deserializes each row of {@code child} with {@code input}, runs {@code function} over each partition's
 * objects and serializes what it returns with {@code output} into the columns {@code output}. {@code name}
 * says which typed operation this is, as Spark names its nodes: MapElements (map), TypedFilter (filter) or
 * MapPartitions (flatMap, mapPartitions).
 *
 * @param name the operation, for EXPLAIN
 * @param function the user's function, over a partition
 * @param inputEncoder decodes the child's rows
 * @param outputEncoder encodes the results
 * @param output the columns produced, one per field of {@code outputEncoder}'s schema
 * @param child the input, whose output matches {@code inputEncoder}'s schema by position
 */
public record TypedMapPartitions(String name, ObjectPartitionFunction function, ExpressionEncoder<?> inputEncoder,
    ExpressionEncoder<?> outputEncoder, List<AttributeReference> output, LogicalPlan child)
    implements UnaryNode, ObjectOperator {

  /** Copies the output columns. */
  public TypedMapPartitions {
    output = List.copyOf(output);
  }

  @Override
  public LogicalPlan withNewChild(LogicalPlan newChild) {
    return new TypedMapPartitions(name, function, inputEncoder, outputEncoder, output, newChild);
  }

  @Override
  public List<Expression> expressions() {
    return List.of();
  }

  @Override
  public LogicalPlan withNewExpressions(List<Expression> newExpressions) {
    return this;
  }

  @Override
  public LogicalPlan newInstance(Map<Long, Long> mapping) {
    return new TypedMapPartitions(name, function, inputEncoder, outputEncoder, ObjectOperator.fresh(output, mapping),
        child);
  }

  @Override
  public String simpleString() {
    return name + " " + inputEncoder.clsTag().getName() + " => " + outputEncoder.clsTag().getName() + ", "
        + output;
  }
}

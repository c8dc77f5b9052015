package dev.ember.sql.plan.objects;

import dev.ember.api.function.MapFunction;
import dev.ember.sql.encoders.ExpressionEncoder;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.UnaryNode;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Expression;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rows of {@code child} with the columns of {@code function}'s result appended: each row is decoded with
 * {@code inputEncoder}, its key computed and encoded with {@code keyEncoder} (the first half of
 * {@code groupByKey}, as Spark's AppendColumns).
 *
 * @param function the key function
 * @param inputEncoder decodes the child's rows
 * @param keyEncoder encodes the keys
 * @param keyAttributes the appended columns
 * @param child the input
 */
public record AppendColumns(MapFunction<Object, Object> function, ExpressionEncoder<?> inputEncoder,
    ExpressionEncoder<?> keyEncoder, List<AttributeReference> keyAttributes, LogicalPlan child)
    implements UnaryNode, ObjectOperator {

  /** Copies the key columns. */
  public AppendColumns {
    keyAttributes = List.copyOf(keyAttributes);
  }

  @Override
  public LogicalPlan withNewChild(LogicalPlan newChild) {
    return new AppendColumns(function, inputEncoder, keyEncoder, keyAttributes, newChild);
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
  public List<AttributeReference> output() {
    List<AttributeReference> all = new ArrayList<>(child.output());
    all.addAll(keyAttributes);
    return all;
  }

  @Override
  public LogicalPlan newInstance(Map<Long, Long> mapping) {
    return new AppendColumns(function, inputEncoder, keyEncoder, ObjectOperator.fresh(keyAttributes, mapping), child);
  }

  @Override
  public String simpleString() {
    return "AppendColumns " + inputEncoder.clsTag().getName() + " => " + keyEncoder.clsTag().getName() + ", "
        + keyAttributes;
  }
}

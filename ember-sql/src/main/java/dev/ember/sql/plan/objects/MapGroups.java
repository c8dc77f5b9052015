package dev.ember.sql.plan.objects;

import dev.ember.sql.encoders.ExpressionEncoder;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.UnaryNode;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Expression;
import java.util.List;
import java.util.Map;

/**
 * Groups the rows of {@code child} by the columns {@code keyAttributes}, decodes each group's key and values
 * and serializes what {@code function} returns for it (Spark's MapGroups, behind mapGroups, flatMapGroups,
 * reduceGroups and count of a {@code KeyValueGroupedDataset}).
 *
 * @param function the user's function over one group
 * @param keyEncoder decodes the key columns
 * @param valueEncoder decodes the value columns
 * @param outputEncoder encodes the results
 * @param keyAttributes the key columns of the child
 * @param dataAttributes the value columns of the child, in {@code valueEncoder}'s schema order
 * @param output the columns produced
 * @param child the input (an {@link AppendColumns} adding the keys)
 */
public record MapGroups(ObjectGroupFunction function, ExpressionEncoder<?> keyEncoder,
    ExpressionEncoder<?> valueEncoder, ExpressionEncoder<?> outputEncoder, List<AttributeReference> keyAttributes,
    List<AttributeReference> dataAttributes, List<AttributeReference> output, LogicalPlan child)
    implements UnaryNode, ObjectOperator {

  /** Copies the column lists. */
  public MapGroups {
    keyAttributes = List.copyOf(keyAttributes);
    dataAttributes = List.copyOf(dataAttributes);
    output = List.copyOf(output);
  }

  @Override
  public LogicalPlan withNewChild(LogicalPlan newChild) {
    return new MapGroups(function, keyEncoder, valueEncoder, outputEncoder, keyAttributes, dataAttributes, output,
        newChild);
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
    return new MapGroups(function, keyEncoder, valueEncoder, outputEncoder,
        ObjectOperator.remap(keyAttributes, mapping), ObjectOperator.remap(dataAttributes, mapping),
        ObjectOperator.fresh(output, mapping), child);
  }

  @Override
  public String simpleString() {
    return "MapGroups " + keyAttributes + ", " + dataAttributes + " => "
        + outputEncoder.clsTag().getName() + ", " + output;
  }
}

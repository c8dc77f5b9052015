package dev.ember.sql.plan.objects;

import dev.ember.rdd.RDD;
import dev.ember.sql.encoders.ExpressionEncoder;
import dev.ember.sql.plan.LeafNode;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.expressions.AttributeReference;
import java.util.List;
import java.util.Map;

/**
 * The objects of a core {@link RDD} as rows, encoded with {@code encoder} in the tasks (Spark's ExternalRDD,
 * behind {@code createDataFrame(rdd, schema)} and {@code createDataset(rdd, encoder)}).
 *
 * @param rdd the objects
 * @param encoder encodes each object
 * @param output the columns, one per field of the encoder's schema
 */
public record ExternalRDD(RDD<?> rdd, ExpressionEncoder<?> encoder, List<AttributeReference> output)
    implements LeafNode, ObjectOperator {

  /** Copies the columns. */
  public ExternalRDD {
    output = List.copyOf(output);
  }

  @Override
  public LogicalPlan newInstance(Map<Long, Long> mapping) {
    return new ExternalRDD(rdd, encoder, ObjectOperator.fresh(output, mapping));
  }

  @Override
  public String simpleString() {
    return "ExternalRDD " + output;
  }
}

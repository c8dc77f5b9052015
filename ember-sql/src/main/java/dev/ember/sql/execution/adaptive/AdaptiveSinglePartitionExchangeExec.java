package dev.ember.sql.execution.adaptive;

import dev.ember.rdd.RDD;
import dev.ember.sql.execution.Distribution;
import dev.ember.sql.execution.ExecutionContext;
import dev.ember.sql.execution.Partitioning;
import dev.ember.sql.execution.PhysicalPlan;
import dev.ember.sql.execution.exchange.ShuffleExchangeExec;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.plan.expressions.AttributeReference;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@code Exchange SinglePartition} that adaptive execution skips when its input turns out, at run time, to
 * be one partition already (Spark's rule that a single partition satisfies {@code AllTuples}, applied to the
 * partition counts adaptive execution settled on): the rows are then read where they are, without a shuffle
 * map stage and its serialization. Over several partitions it runs the exchange as planned.
 *
 * <p>Before a run it prints as the exchange; after a run that skipped it, as skipped, marked
 * {@code (adaptive, isFinalPlan=true)}.
 */
public final class AdaptiveSinglePartitionExchangeExec extends PhysicalPlan {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(AdaptiveSinglePartitionExchangeExec.class);
  private final ShuffleExchangeExec exchange;
  private transient volatile boolean skipped;

  /** Wraps {@code exchange}, which must be a single-partition exchange the user did not ask for. */
  public AdaptiveSinglePartitionExchangeExec(ShuffleExchangeExec exchange) {
    if (!(exchange.outputPartitioning() instanceof Partitioning.Single) || exchange.userSpecified()) {
      throw new IllegalArgumentException("only a planned single-partition exchange may be skipped");
    }
    this.exchange = exchange;
  }

  /** Whether the last run skipped the exchange. */
  public boolean skipped() {
    return skipped;
  }

  @Override
  public List<PhysicalPlan> children() {
    return exchange.children();
  }

  @Override
  public PhysicalPlan withNewChildren(List<PhysicalPlan> newChildren) {
    if (newChildren.equals(children())) {
      return this;
    }
    return new AdaptiveSinglePartitionExchangeExec((ShuffleExchangeExec) exchange.withNewChildren(newChildren));
  }

  @Override
  public List<AttributeReference> output() {
    return exchange.output();
  }

  @Override
  public Partitioning outputPartitioning() {
    return exchange.outputPartitioning();
  }

  @Override
  public List<Distribution> requiredChildDistribution() {
    return exchange.requiredChildDistribution();
  }

  @Override
  public boolean gathersIntoOnePartition() {
    return true;
  }

  @Override
  public RDD<ColumnarBatch> execute(ExecutionContext context) {
    RDD<ColumnarBatch> input = exchange.children().get(0).execute(context);
    if (input.getNumPartitions() == 1) {
      skipped = true;
      LOG.debug("Skipped Exchange SinglePartition: its input is one partition");
      return input;
    }
    skipped = false;
    return exchange.shuffle(input).mapPartitions(ShuffleExchangeExec::values);
  }

  @Override
  public String simpleString() {
    return skipped ? exchange.simpleString() + " skipped: its input is one partition (adaptive, isFinalPlan=true)"
        : exchange.simpleString();
  }
}

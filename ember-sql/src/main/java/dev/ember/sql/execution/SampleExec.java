package dev.ember.sql.execution;

import dev.ember.rdd.RDD;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.plan.expressions.AttributeReference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/**
 * Samples rows: each kept with probability {@code fraction} (Bernoulli), or repeated a Poisson-distributed
 * number of times (with replacement). The generator of partition i is seeded with {@code seed + i}, so the
 * same seed over the same partitions picks the same rows.
 */
public final class SampleExec extends PhysicalPlan {

  private static final long serialVersionUID = 1L;
  private final double fraction;
  private final boolean withReplacement;
  private final long seed;
  private final PhysicalPlan child;

  /** A sample of {@code child}. */
  public SampleExec(double fraction, boolean withReplacement, long seed, PhysicalPlan child) {
    this.fraction = fraction;
    this.withReplacement = withReplacement;
    this.seed = seed;
    this.child = child;
  }

  @Override
  public List<PhysicalPlan> children() {
    return List.of(child);
  }

  @Override
  public PhysicalPlan withNewChildren(List<PhysicalPlan> newChildren) {
    return new SampleExec(fraction, withReplacement, seed, newChildren.get(0));
  }

  @Override
  public List<AttributeReference> output() {
    return child.output();
  }

  @Override
  public Partitioning outputPartitioning() {
    return child.outputPartitioning();
  }

  @Override
  public RDD<ColumnarBatch> execute(ExecutionContext context) {
    double p = fraction;
    boolean replace = withReplacement;
    long s = seed;
    return child.execute(context).mapPartitionsWithIndex((index, batches) -> sample(batches, p, replace,
        new Random(s + index)), true);
  }

  // Static, so the function shipped to tasks captures no operator.
  private static Iterator<ColumnarBatch> sample(Iterator<ColumnarBatch> batches, double fraction, boolean replace,
      Random random) {
    List<ColumnarBatch> out = new ArrayList<>();
    while (batches.hasNext()) {
      ColumnarBatch batch = batches.next();
      int[] picked = new int[batch.numRows()];
      int count = 0;
      for (int i = 0; i < batch.numRows(); i++) {
        int times = replace ? poisson(fraction, random) : random.nextDouble() < fraction ? 1 : 0;
        for (int t = 0; t < times; t++) {
          if (count == picked.length) {
            picked = Arrays.copyOf(picked, picked.length * 2 + 1);
          }
          picked[count++] = i;
        }
      }
      if (count > 0) {
        out.add(batch.gather(picked, count));
      }
    }
    return out.iterator();
  }

  /** A Poisson({@code mean}) draw by Knuth's method (means here are small fractions or counts). */
  private static int poisson(double mean, Random random) {
    double limit = Math.exp(-mean);
    double product = random.nextDouble();
    int k = 0;
    while (product > limit) {
      k++;
      product *= random.nextDouble();
    }
    return k;
  }

  @Override
  public String simpleString() {
    return "Sample " + fraction + ", " + withReplacement + ", " + seed;
  }
}

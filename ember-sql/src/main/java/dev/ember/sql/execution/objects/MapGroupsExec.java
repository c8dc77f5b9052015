package dev.ember.sql.execution.objects;

import dev.ember.rdd.RDD;
import dev.ember.rdd.UserFunctionException;
import dev.ember.sql.encoders.ExpressionEncoder;
import dev.ember.sql.execution.Distribution;
import dev.ember.sql.execution.ExecutionContext;
import dev.ember.sql.execution.Partitioning;
import dev.ember.sql.execution.PhysicalPlan;
import dev.ember.sql.execution.sort.RowComparator;
import dev.ember.sql.execution.spill.ExternalRowSorter;
import dev.ember.sql.execution.spill.TaskSpill;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.objects.ObjectGroupFunction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Runs a user's function once per group of a typed {@code groupByKey}: requires its input clustered by the
 * key columns (EnsureRequirements adds the shuffle), sorts each partition's rows by key with an
 * {@link ExternalRowSorter} (which spills sorted runs when the task's memory is denied, as Spark sorts for
 * {@code mapGroups}), then decodes each key and streams its values to the function and encodes the
 * function's results; a group is never held in memory whole.
 */
public final class MapGroupsExec extends PhysicalPlan {

  private static final long serialVersionUID = 1L;
  private final ObjectGroupFunction function;
  private final ExpressionEncoder<?> keyEncoder;
  private final ExpressionEncoder<?> valueEncoder;
  private final ExpressionEncoder<?> outputEncoder;
  private final List<AttributeReference> keyAttributes;
  private final List<AttributeReference> dataAttributes;
  private final List<AttributeReference> output;
  private final PhysicalPlan child;

  /** Runs {@code function} over the groups of {@code child} by {@code keyAttributes}. */
  public MapGroupsExec(ObjectGroupFunction function, ExpressionEncoder<?> keyEncoder,
      ExpressionEncoder<?> valueEncoder, ExpressionEncoder<?> outputEncoder, List<AttributeReference> keyAttributes,
      List<AttributeReference> dataAttributes, List<AttributeReference> output, PhysicalPlan child) {
    this.function = function;
    this.keyEncoder = keyEncoder;
    this.valueEncoder = valueEncoder;
    this.outputEncoder = outputEncoder;
    this.keyAttributes = List.copyOf(keyAttributes);
    this.dataAttributes = List.copyOf(dataAttributes);
    this.output = List.copyOf(output);
    this.child = child;
  }

  @Override
  public List<PhysicalPlan> children() {
    return List.of(child);
  }

  @Override
  public PhysicalPlan withNewChildren(List<PhysicalPlan> newChildren) {
    return new MapGroupsExec(function, keyEncoder, valueEncoder, outputEncoder, keyAttributes, dataAttributes,
        output, newChildren.get(0));
  }

  @Override
  public List<AttributeReference> output() {
    return output;
  }

  @Override
  public Partitioning outputPartitioning() {
    Partitioning in = child.outputPartitioning();
    return in instanceof Partitioning.Single ? in : new Partitioning.Unknown(MapPartitionsExec.numPartitions(in));
  }

  @Override
  public List<Distribution> requiredChildDistribution() {
    return List.of(new Distribution.Clustered(new ArrayList<Expression>(keyAttributes)));
  }

  @Override
  public RDD<ColumnarBatch> execute(ExecutionContext context) {
    ObjectGroupFunction f = function;
    ExpressionEncoder<?> keys = keyEncoder;
    ExpressionEncoder<?> values = valueEncoder;
    ExpressionEncoder<?> out = outputEncoder;
    int[] keyOrdinals = ObjectBatches.ordinals(keyAttributes, child.output());
    int[] dataOrdinals = ObjectBatches.ordinals(dataAttributes, child.output());
    int[] ordinals = new int[keyOrdinals.length + dataOrdinals.length];
    System.arraycopy(keyOrdinals, 0, ordinals, 0, keyOrdinals.length);
    System.arraycopy(dataOrdinals, 0, ordinals, keyOrdinals.length, dataOrdinals.length);
    int[] keyPositions = new int[keyOrdinals.length];
    Arrays.setAll(keyPositions, i -> i);
    boolean[] ascending = new boolean[keyOrdinals.length];
    Arrays.fill(ascending, true);
    RowComparator byKey = new RowComparator(keyPositions, ascending, ascending.clone());
    return child.execute(context).mapPartitions(batches -> {
      ExternalRowSorter sorter = new ExternalRowSorter(TaskSpill.forCurrentTask(), byKey);
      while (batches.hasNext()) {
        ColumnarBatch batch = batches.next();
        for (int r = 0; r < batch.numRows(); r++) {
          sorter.insert(ObjectBatches.values(batch, r, ordinals));
        }
      }
      SortedGroups groups = new SortedGroups(sorter.sortedIterator(), keyOrdinals.length);
      return ObjectBatches.serialize(new GroupResults(groups, f, keys, values), out);
    });
  }

  @Override
  public String simpleString() {
    return "MapGroups " + keyAttributes + ", " + dataAttributes + " => " + outputEncoder.clsTag().getName() + ", "
        + output;
  }

  /** The results of the user's function over each group in turn, computed as they are consumed. */
  private static final class GroupResults implements Iterator<Object> {
    private final Iterator<SortedGroups.Group> groups;
    private final ObjectGroupFunction function;
    private final ExpressionEncoder<?> keyEncoder;
    private final ExpressionEncoder<?> valueEncoder;
    private Iterator<Object> current = Collections.emptyIterator();

    GroupResults(Iterator<SortedGroups.Group> groups, ObjectGroupFunction function,
        ExpressionEncoder<?> keyEncoder, ExpressionEncoder<?> valueEncoder) {
      this.groups = groups;
      this.function = function;
      this.keyEncoder = keyEncoder;
      this.valueEncoder = valueEncoder;
    }

    @Override
    public boolean hasNext() {
      while (!current.hasNext() && groups.hasNext()) {
        SortedGroups.Group group = groups.next();
        Object key = keyEncoder.fromRow(group.key());
        Iterator<Object[]> rows = group.values();
        Iterator<Object> decoded = new Iterator<>() {
          @Override
          public boolean hasNext() {
            return rows.hasNext();
          }

          @Override
          public Object next() {
            return valueEncoder.fromRow(rows.next());
          }
        };
        try {
          current = ObjectBatches.orEmpty(function.apply(key, decoded));
        } catch (Exception e) {
          throw UserFunctionException.wrap(e);
        }
      }
      return current.hasNext();
    }

    @Override
    public Object next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return current.next();
    }
  }
}

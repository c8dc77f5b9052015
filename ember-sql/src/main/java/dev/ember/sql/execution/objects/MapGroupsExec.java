package dev.ember.sql.execution.objects;

import dev.ember.rdd.RDD;
import dev.ember.rdd.UserFunctionException;
import dev.ember.sql.encoders.ExpressionEncoder;
import dev.ember.sql.execution.Distribution;
import dev.ember.sql.execution.ExecutionContext;
import dev.ember.sql.execution.Partitioning;
import dev.ember.sql.execution.PhysicalPlan;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.objects.ObjectGroupFunction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Runs a user's function once per group of a typed {@code groupByKey}: requires its input clustered by the
 * key columns (EnsureRequirements adds the shuffle), gathers each partition's rows by key in a hash table,
 * then decodes each key and its values and encodes the function's results. A partition's rows are held in
 * memory while grouping; this operator does not spill yet.
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
    return child.execute(context).mapPartitions(batches -> {
      Map<List<Object>, List<Object[]>> groups = new LinkedHashMap<>();
      while (batches.hasNext()) {
        ColumnarBatch batch = batches.next();
        for (int r = 0; r < batch.numRows(); r++) {
          List<Object> key = Arrays.asList(ObjectBatches.values(batch, r, keyOrdinals));
          groups.computeIfAbsent(key, k -> new ArrayList<>()).add(ObjectBatches.values(batch, r, dataOrdinals));
        }
      }
      Iterator<Map.Entry<List<Object>, List<Object[]>>> entries = groups.entrySet().iterator();
      return ObjectBatches.serialize(new GroupResults(entries, f, keys, values), out);
    });
  }

  @Override
  public String simpleString() {
    return "MapGroups " + keyAttributes + ", " + dataAttributes + " => " + outputEncoder.clsTag().getName() + ", "
        + output;
  }

  /** The results of the user's function over each group in turn, computed as they are consumed. */
  private static final class GroupResults implements Iterator<Object> {
    private final Iterator<Map.Entry<List<Object>, List<Object[]>>> groups;
    private final ObjectGroupFunction function;
    private final ExpressionEncoder<?> keyEncoder;
    private final ExpressionEncoder<?> valueEncoder;
    private Iterator<Object> current = Collections.emptyIterator();

    GroupResults(Iterator<Map.Entry<List<Object>, List<Object[]>>> groups, ObjectGroupFunction function,
        ExpressionEncoder<?> keyEncoder, ExpressionEncoder<?> valueEncoder) {
      this.groups = groups;
      this.function = function;
      this.keyEncoder = keyEncoder;
      this.valueEncoder = valueEncoder;
    }

    @Override
    public boolean hasNext() {
      while (!current.hasNext() && groups.hasNext()) {
        Map.Entry<List<Object>, List<Object[]>> group = groups.next();
        Object key = keyEncoder.fromRow(group.getKey().toArray());
        Iterator<Object[]> rows = group.getValue().iterator();
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

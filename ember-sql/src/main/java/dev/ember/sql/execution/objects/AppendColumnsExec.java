package dev.ember.sql.execution.objects;

import dev.ember.api.function.MapFunction;
import dev.ember.rdd.RDD;
import dev.ember.rdd.UserFunctionException;
import dev.ember.sql.encoders.ExpressionEncoder;
import dev.ember.sql.execution.ExecutionContext;
import dev.ember.sql.execution.Partitioning;
import dev.ember.sql.execution.PhysicalPlan;
import dev.ember.sql.execution.vector.BatchIterators;
import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.types.DataType;
import java.util.ArrayList;
import java.util.List;

/** Appends the encoded result of a key function to each row: the map side of a typed {@code groupByKey}. */
public final class AppendColumnsExec extends PhysicalPlan {

  private static final long serialVersionUID = 1L;
  private final MapFunction<Object, Object> function;
  private final ExpressionEncoder<?> inputEncoder;
  private final ExpressionEncoder<?> keyEncoder;
  private final List<AttributeReference> keyAttributes;
  private final PhysicalPlan child;

  /** Appends {@code keyAttributes}, the key {@code function} computes of each decoded row of {@code child}. */
  public AppendColumnsExec(MapFunction<Object, Object> function, ExpressionEncoder<?> inputEncoder,
      ExpressionEncoder<?> keyEncoder, List<AttributeReference> keyAttributes, PhysicalPlan child) {
    this.function = function;
    this.inputEncoder = inputEncoder;
    this.keyEncoder = keyEncoder;
    this.keyAttributes = List.copyOf(keyAttributes);
    this.child = child;
  }

  @Override
  public List<PhysicalPlan> children() {
    return List.of(child);
  }

  @Override
  public PhysicalPlan withNewChildren(List<PhysicalPlan> newChildren) {
    return new AppendColumnsExec(function, inputEncoder, keyEncoder, keyAttributes, newChildren.get(0));
  }

  @Override
  public List<AttributeReference> output() {
    List<AttributeReference> all = new ArrayList<>(child.output());
    all.addAll(keyAttributes);
    return all;
  }

  @Override
  public Partitioning outputPartitioning() {
    return child.outputPartitioning();
  }

  @Override
  @SuppressWarnings("unchecked")
  public RDD<ColumnarBatch> execute(ExecutionContext context) {
    MapFunction<Object, Object> f = function;
    ExpressionEncoder<Object> in = (ExpressionEncoder<Object>) inputEncoder;
    ExpressionEncoder<Object> keys = (ExpressionEncoder<Object>) keyEncoder;
    int width = child.output().size();
    List<DataType> keyTypes = keyAttributes.stream().map(AttributeReference::dataType).toList();
    return child.execute(context).mapPartitions(batches -> BatchIterators.map(batches, batch -> {
      int n = batch.numRows();
      int[] all = new int[width];
      for (int i = 0; i < width; i++) {
        all[i] = i;
      }
      List<Object[]> keyRows = new ArrayList<>(n);
      for (int r = 0; r < n; r++) {
        try {
          keyRows.add(keys.toRow(f.call(in.fromRow(ObjectBatches.values(batch, r, all)))));
        } catch (Exception e) {
          throw UserFunctionException.wrap(e);
        }
      }
      ColumnarBatch appended = ObjectBatches.batch(keyRows, keyTypes);
      ColumnVector[] columns = new ColumnVector[width + keyTypes.size()];
      for (int c = 0; c < width; c++) {
        columns[c] = batch.column(c);
      }
      for (int c = 0; c < keyTypes.size(); c++) {
        columns[width + c] = appended.column(c);
      }
      return new ColumnarBatch(columns, n);
    }));
  }

  @Override
  public String simpleString() {
    return "AppendColumns " + inputEncoder.clsTag().getName() + " => " + keyEncoder.clsTag().getName() + ", "
        + keyAttributes;
  }
}

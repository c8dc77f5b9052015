package dev.ember.sql.execution.generate;

import dev.ember.rdd.RDD;
import dev.ember.sql.execution.ExecutionContext;
import dev.ember.sql.execution.ExplainStrings;
import dev.ember.sql.execution.Partitioning;
import dev.ember.sql.execution.PhysicalPlan;
import dev.ember.sql.execution.expressions.BindReferences;
import dev.ember.sql.execution.expressions.VectorizedEvaluator;
import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.ColumnVectors;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Explode;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.types.DataType;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Evaluates an {@code explode}-style generator over each batch: for input row i, one output row per array
 * element or map entry, holding row i's columns followed by the generated ones ({@code pos}, then
 * {@code col} or {@code key}/{@code value}). Output batches hold at most {@link ColumnarBatch#MAX_ROWS}
 * rows. Keeps the child's partitioning.
 */
public final class GenerateExec extends PhysicalPlan {

  private static final long serialVersionUID = 1L;
  private final Explode generator;
  private final List<AttributeReference> generatorOutput;
  private final PhysicalPlan child;

  /** Generates {@code generatorOutput} from {@code generator} over {@code child}'s rows. */
  public GenerateExec(Explode generator, List<AttributeReference> generatorOutput, PhysicalPlan child) {
    this.generator = generator;
    this.generatorOutput = List.copyOf(generatorOutput);
    this.child = child;
  }

  @Override
  public List<PhysicalPlan> children() {
    return List.of(child);
  }

  @Override
  public PhysicalPlan withNewChildren(List<PhysicalPlan> newChildren) {
    return new GenerateExec(generator, generatorOutput, newChildren.get(0));
  }

  @Override
  public List<AttributeReference> output() {
    List<AttributeReference> out = new ArrayList<>(child.output());
    out.addAll(generatorOutput);
    return out;
  }

  @Override
  public Partitioning outputPartitioning() {
    return child.outputPartitioning();
  }

  @Override
  public RDD<ColumnarBatch> execute(ExecutionContext context) {
    Explode bound = (Explode) BindReferences.bindAll(List.<Expression>of(generator), child.output()).get(0);
    List<DataType> types = output().stream().map(AttributeReference::dataType).toList();
    return child.execute(context).mapPartitions(batches -> generate(batches, bound, types));
  }

  private static Iterator<ColumnarBatch> generate(Iterator<ColumnarBatch> batches, Explode generator,
      List<DataType> types) {
    return new Iterator<>() {
      private Iterator<ColumnarBatch> pending = List.<ColumnarBatch>of().iterator();

      @Override
      public boolean hasNext() {
        while (!pending.hasNext() && batches.hasNext()) {
          pending = explode(batches.next(), generator, types).iterator();
        }
        return pending.hasNext();
      }

      @Override
      public ColumnarBatch next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return pending.next();
      }
    };
  }

  /** The output batches of one input batch. */
  static List<ColumnarBatch> explode(ColumnarBatch batch, Explode generator, List<DataType> types) {
    ColumnVector input = VectorizedEvaluator.evaluate(generator.child(), batch);
    int childColumns = batch.numCols();
    int generated = types.size() - childColumns;
    List<ColumnarBatch> out = new ArrayList<>();
    int[] rows = new int[ColumnarBatch.MAX_ROWS];
    List<Object[]> values = new ArrayList<>();
    for (int i = 0; i < batch.numRows(); i++) {
      for (Object[] generatedRow : rowsOf(input.getBoxed(i), generator, generated)) {
        rows[values.size()] = i;
        values.add(generatedRow);
        if (values.size() == ColumnarBatch.MAX_ROWS) {
          out.add(assemble(batch, rows, values, types));
          values.clear();
        }
      }
    }
    if (!values.isEmpty()) {
      out.add(assemble(batch, rows, values, types));
    }
    return out;
  }

  private static List<Object[]> rowsOf(Object value, Explode generator, int width) {
    List<Object[]> rows = new ArrayList<>();
    int offset = generator.position() ? 1 : 0;
    if (value instanceof List<?> list) {
      for (int p = 0; p < list.size(); p++) {
        Object[] row = new Object[width];
        if (generator.position()) {
          row[0] = p;
        }
        row[offset] = list.get(p);
        rows.add(row);
      }
    } else if (value instanceof Map<?, ?> map) {
      int p = 0;
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        Object[] row = new Object[width];
        if (generator.position()) {
          row[0] = p++;
        }
        row[offset] = entry.getKey();
        row[offset + 1] = entry.getValue();
        rows.add(row);
      }
    }
    if (rows.isEmpty() && generator.outer()) {
      rows.add(new Object[width]);
    }
    return rows;
  }

  private static ColumnarBatch assemble(ColumnarBatch batch, int[] rows, List<Object[]> values,
      List<DataType> types) {
    int count = values.size();
    ColumnVector[] columns = new ColumnVector[types.size()];
    for (int c = 0; c < batch.numCols(); c++) {
      columns[c] = batch.column(c).gather(rows, count);
    }
    for (int g = 0; g < types.size() - batch.numCols(); g++) {
      List<Object> column = new ArrayList<>(count);
      for (Object[] row : values) {
        column.add(row[g]);
      }
      columns[batch.numCols() + g] = ColumnVectors.of(types.get(batch.numCols() + g), column);
    }
    return new ColumnarBatch(columns, count);
  }

  @Override
  public String simpleString() {
    return "Generate " + generator.sql() + ", " + ExplainStrings.list(new ArrayList<Expression>(generatorOutput));
  }
}

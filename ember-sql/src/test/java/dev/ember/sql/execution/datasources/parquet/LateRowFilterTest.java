package dev.ember.sql.execution.datasources.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.execution.vector.IntColumnVector;
import dev.ember.sql.execution.vector.LongColumnVector;
import dev.ember.sql.plan.expressions.BinaryComparison;
import dev.ember.sql.plan.expressions.BoundReference;
import dev.ember.sql.plan.expressions.ComparisonOperator;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.IsNotNull;
import dev.ember.sql.plan.expressions.Literal;
import dev.ember.sql.types.DataTypes;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LateRowFilterTest {

  private static final Expression A = new BoundReference(0, DataTypes.IntegerType, true);
  private static final Expression B = new BoundReference(1, DataTypes.LongType, true);

  /** a = 0..9 with a NULL at row 7; b = 10 * a, NULL at row 4; c is not read. */
  private static ColumnarBatch batch() {
    IntColumnVector a = new IntColumnVector(DataTypes.IntegerType, 10);
    LongColumnVector b = new LongColumnVector(DataTypes.LongType, 10);
    for (int i = 0; i < 10; i++) {
      a.values[i] = i;
      b.values[i] = 10L * i;
    }
    a.nulls[7] = true;
    b.nulls[4] = true;
    return new ColumnarBatch(new ColumnVector[] {a, b, null}, 10);
  }

  private static Expression compare(ComparisonOperator op, Expression column, Object value) {
    return new BinaryComparison(op, column, Literal.of(value));
  }

  @Test
  void aColumnOnlyAnEarlierConjunctReadsIsNotGatheredAndALaterOnesCopyIsHandedBack() {
    // a >= 2 keeps 2..9 but 7 (NULL); b < 1000 keeps all of those but row 4 (NULL b), so the copy of b made
    // for the second conjunct is stale and none is handed back.
    LateRowFilter filter = new LateRowFilter(List.of(compare(ComparisonOperator.GREATER_THAN_OR_EQUAL, A, 2),
        compare(ComparisonOperator.LESS_THAN, B, 1000L)), 3);
    int[] selected = new int[10];
    ColumnVector[] gathered = new ColumnVector[3];
    int count = filter.select(batch(), selected, new int[10], gathered);
    assertThat(count).isEqualTo(6);
    assertThat(Arrays.copyOf(selected, count)).containsExactly(2, 3, 5, 6, 8, 9);
    assertThat(gathered).containsOnlyNulls();

    // a != 4 drops row 4 (the NULL b) and 7 (a NULL a); b IS NOT NULL keeps every survivor, so b's copy serves.
    LateRowFilter second = new LateRowFilter(List.of(compare(ComparisonOperator.NOT_EQUAL, A, 4),
        new IsNotNull(B)), 3);
    count = second.select(batch(), selected, new int[10], gathered);
    assertThat(Arrays.copyOf(selected, count)).containsExactly(0, 1, 2, 3, 5, 6, 8, 9);
    assertThat(gathered[0]).isNull();
    assertThat(gathered[2]).isNull();
    LongColumnVector b = (LongColumnVector) gathered[1];
    assertThat(b.capacity()).isEqualTo(8);
    assertThat(Arrays.copyOf(b.values, 8)).containsExactly(0, 10, 20, 30, 50, 60, 80, 90);
    assertThat(b.nulls).containsOnly(false);

    // b > -1 is a range tested on the batch as read, at the rows kept: nothing is copied for it.
    LateRowFilter third = new LateRowFilter(List.of(compare(ComparisonOperator.NOT_EQUAL, A, 4),
        compare(ComparisonOperator.GREATER_THAN, B, -1L)), 3);
    count = third.select(batch(), selected, new int[10], gathered);
    assertThat(Arrays.copyOf(selected, count)).containsExactly(0, 1, 2, 3, 5, 6, 8, 9);
    assertThat(gathered).containsOnlyNulls();
  }

  @Test
  void aConjunctKeepingEveryRowGathersNothingAndSelectsAll() {
    LateRowFilter filter = new LateRowFilter(List.of(compare(ComparisonOperator.GREATER_THAN, B, -1L),
        compare(ComparisonOperator.LESS_THAN, A, 100)), 3);
    ColumnarBatch batch = batch();
    for (int i = 0; i < 10; i++) {
      batch.column(0).nulls[i] = false;
      batch.column(1).nulls[i] = false;
    }
    int[] selected = new int[10];
    ColumnVector[] gathered = new ColumnVector[3];
    assertThat(filter.select(batch, selected, new int[10], gathered)).isEqualTo(10);
    assertThat(selected).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    assertThat(gathered).containsOnlyNulls();
  }

  @Test
  void theLastColumnsGatheredAreOnlyThoseLaterConjunctsRead() {
    // Three conjuncts: a != 0 drops row 0 and the NULL a (7); b >= 20 drops 1 and the NULL b (4); a < 9 drops 9.
    LateRowFilter filter = new LateRowFilter(List.of(compare(ComparisonOperator.NOT_EQUAL, A, 0),
        compare(ComparisonOperator.GREATER_THAN_OR_EQUAL, B, 20L), compare(ComparisonOperator.LESS_THAN, A, 9)), 3);
    int[] selected = new int[10];
    int count = filter.select(batch(), selected, new int[10], null);
    assertThat(Arrays.copyOf(selected, count)).containsExactly(2, 3, 5, 6, 8);
    assertThat(filter.select(batch(), selected, new int[10])).isEqualTo(5);
  }
}

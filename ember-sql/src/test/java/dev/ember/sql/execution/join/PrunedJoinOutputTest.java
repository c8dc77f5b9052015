package dev.ember.sql.execution.join;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.ColumnVectors;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.plan.JoinType;
import dev.ember.sql.plan.expressions.BoundReference;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A join processor emitting only some of its output columns: the kept columns of every kind of emitted row
 * (matched pairs with duplicate build rows, NULL-padded unmatched rows of either side, a semi join's stream rows,
 * a full outer join's build rows at the end), equal to the full output with the other columns left out.
 */
class PrunedJoinOutputTest {

  /** Both sides: (key bigint, value string). */
  private static final List<DataType> TYPES = List.of(DataTypes.LongType, DataTypes.StringType);
  private static final List<Expression> KEY = List.of(new BoundReference(0, DataTypes.LongType, true));

  private static ColumnarBatch batch(Object[]... rows) {
    ColumnVector[] columns = new ColumnVector[TYPES.size()];
    for (int c = 0; c < columns.length; c++) {
      List<Object> values = new ArrayList<>();
      for (Object[] row : rows) {
        values.add(row[c]);
      }
      columns[c] = ColumnVectors.of(TYPES.get(c), values);
    }
    return new ColumnarBatch(columns, rows.length);
  }

  /** Key 1 twice (duplicates), 2 once, a NULL key, and 9 that no stream row has. */
  private static ColumnarBatch build() {
    return batch(new Object[] {1L, "b1"}, new Object[] {1L, "b1'"}, new Object[] {2L, "b2"},
        new Object[] {null, "bn"}, new Object[] {9L, "b9"});
  }

  /** Keys 1, 2, 3 (no build row), NULL; then an empty batch. */
  private static List<ColumnarBatch> stream() {
    return List.of(batch(new Object[] {1L, "s1"}, new Object[] {2L, "s2"}, new Object[] {3L, "s3"},
        new Object[] {null, "sn"}), batch());
  }

  private static List<String> join(JoinType type, boolean buildLeft, int[] kept) {
    ColumnarBatch build = build();
    HashedRelation relation = HashedRelation.build(build, KEY, new boolean[] {false});
    JoinProcessor processor = new JoinProcessor(type, buildLeft, null, TYPES, TYPES, kept);
    List<String> out = new ArrayList<>();
    processor.join(stream().iterator(), build, (batch, s, b) -> relation.probe(batch, KEY, s, b))
        .forEachRemaining(b -> {
          assertThat(b.numCols()).isEqualTo(kept == null ? (type.leftOnly() ? 2 : 4) : kept.length);
          b.rows().forEach(r -> out.add(Arrays.toString(r)));
        });
    return out.stream().sorted().toList();
  }

  @Test
  void innerJoinKeepsOnlyTheValueColumnsOfBothSides() {
    assertThat(join(JoinType.INNER, false, new int[] {1, 3})).containsExactly("[s1, b1']", "[s1, b1]",
        "[s2, b2]");
    // Built on the left, the left columns are the build rows'.
    assertThat(join(JoinType.INNER, true, new int[] {1, 3})).containsExactly("[b1', s1]", "[b1, s1]",
        "[b2, s2]");
    // A column of one side alone, in the order of the full output.
    assertThat(join(JoinType.INNER, false, new int[] {3})).containsExactly("[b1']", "[b1]", "[b2]");
  }

  @Test
  void outerJoinsPadTheirUnmatchedRowsInTheKeptColumns() {
    assertThat(join(JoinType.LEFT_OUTER, false, new int[] {1, 2})).containsExactly("[s1, 1]", "[s1, 1]",
        "[s2, 2]", "[s3, null]", "[sn, null]");
    // A full outer join's unmatched build rows come at the end of the stream.
    assertThat(join(JoinType.FULL_OUTER, false, new int[] {0, 3})).containsExactly("[1, b1']", "[1, b1]",
        "[2, b2]", "[3, null]", "[null, b9]", "[null, bn]", "[null, null]");
    assertThat(join(JoinType.RIGHT_OUTER, true, new int[] {3})).containsExactly("[s1]", "[s1]", "[s2]", "[s3]",
        "[sn]");
  }

  @Test
  void semiAndAntiJoinsKeepTheirLeftColumns() {
    assertThat(join(JoinType.LEFT_SEMI, false, new int[] {1})).containsExactly("[s1]", "[s2]");
    assertThat(join(JoinType.LEFT_ANTI, false, new int[] {0})).containsExactly("[3]", "[null]");
  }

  @Test
  void keepingEveryColumnEqualsTheFullOutput() {
    for (JoinType type : List.of(JoinType.INNER, JoinType.LEFT_OUTER, JoinType.FULL_OUTER)) {
      assertThat(join(type, false, new int[] {0, 1, 2, 3})).isEqualTo(join(type, false, null));
    }
  }
}

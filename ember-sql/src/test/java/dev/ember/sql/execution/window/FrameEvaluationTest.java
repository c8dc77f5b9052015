package dev.ember.sql.execution.window;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.sql.plan.expressions.FrameBoundary;
import dev.ember.sql.plan.expressions.FrameValueFunction;
import dev.ember.sql.plan.expressions.RankingFunction;
import dev.ember.sql.plan.expressions.WindowFrame;
import dev.ember.sql.plan.expressions.WindowFrame.FrameType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Frame bounds and incremental frame aggregation over one hand-built partition, checked by hand. */
class FrameEvaluationTest {

  /** Rows of (key, value): keys 1, 2, 2, 4, 7 and values 5, NULL, 3, 8, 1. Two rows before it: another partition. */
  private static WindowPartition partition() {
    List<Object[]> rows = new ArrayList<>();
    rows.add(new Object[] {100, 100});
    rows.add(new Object[] {100, 100});
    Object[][] data = {{1, 5L}, {2, null}, {2, 3L}, {4, 8L}, {7, 1L}};
    rows.addAll(Arrays.asList(data));
    return new WindowPartition(rows, 2, 7, new int[] {0});
  }

  private static FrameBoundary preceding(int n) {
    return new FrameBoundary(FrameBoundary.Kind.PRECEDING, n);
  }

  private static FrameBoundary following(int n) {
    return new FrameBoundary(FrameBoundary.Kind.FOLLOWING, n);
  }

  private static Object[] aggregate(String kind, WindowFrame frame) {
    Object[] out = new Object[5];
    new FrameAggregateEvaluator(kind, 1, frame, 0, true).evaluate(partition(), out);
    return out;
  }

  @Test
  void rowsFrameBoundsAreClippedToThePartition() {
    FrameBounds b = FrameBounds.of(new WindowFrame(FrameType.ROWS, preceding(1), following(2)), partition(), 0,
        true);
    assertThat(b.lower).containsExactly(2, 2, 3, 4, 5);
    assertThat(b.upper).containsExactly(5, 6, 7, 7, 7);
  }

  @Test
  void rangeFrameBoundsCompareKeysAndIncludePeers() {
    // key - 1 <= k <= key: 1 -> {1}; 2 -> {1,2,2}; 4 -> {4}; 7 -> {7}.
    FrameBounds b = FrameBounds.of(new WindowFrame(FrameType.RANGE, preceding(1), FrameBoundary.CURRENT_ROW),
        partition(), 0, true);
    assertThat(b.lower).containsExactly(2, 2, 2, 5, 6);
    assertThat(b.upper).containsExactly(3, 5, 5, 6, 7);
  }

  @Test
  void slidingSumSkipsNullsAndEmptiesGiveNull() {
    // values 5, NULL, 3, 8, 1 with frames [i-1, i+1].
    assertThat(aggregate("sum_long", new WindowFrame(FrameType.ROWS, preceding(1), following(1))))
        .containsExactly(5L, 8L, 11L, 12L, 9L);
    // frames [i+2, i+3]: {3,8}, {8,1}, {1}, {}, {}.
    assertThat(aggregate("sum_long", new WindowFrame(FrameType.ROWS, following(2), following(3))))
        .containsExactly(11L, 9L, 1L, null, null);
    assertThat(aggregate("count", new WindowFrame(FrameType.ROWS, following(2), following(3))))
        .containsExactly(2L, 2L, 1L, 0L, 0L);
  }

  @Test
  void slidingDoubleSumLeavesNoResidueOfValuesThatLeft() {
    List<Object[]> rows = new ArrayList<>();
    for (double v : new double[] {1e20, 1, 1, 0.1, 0.2, 0.3}) {
      rows.add(new Object[] {0, v});
    }
    WindowPartition p = new WindowPartition(rows, 0, rows.size(), new int[] {});
    Object[] out = new Object[rows.size()];
    new FrameAggregateEvaluator("sum_double", 1, new WindowFrame(FrameType.ROWS, preceding(1),
        FrameBoundary.CURRENT_ROW), -1, true).evaluate(p, out);
    // Subtracting 1e20 again would give 0.0 for the third frame {1, 1}.
    assertThat(out).containsExactly(1e20, 1e20 + 1, 2.0, 1.1, 0.1 + 0.2, 0.2 + 0.3);
  }

  @Test
  void slidingMinAndMaxFollowTheWindow() {
    WindowFrame lastTwo = new WindowFrame(FrameType.ROWS, preceding(1), FrameBoundary.CURRENT_ROW);
    assertThat(aggregate("max", lastTwo)).containsExactly(5L, 5L, 3L, 8L, 8L);
    assertThat(aggregate("min", lastTwo)).containsExactly(5L, 5L, 3L, 3L, 1L);
    WindowFrame toEnd = new WindowFrame(FrameType.ROWS, FrameBoundary.CURRENT_ROW, FrameBoundary.UNBOUNDED_FOLLOWING);
    assertThat(aggregate("min", toEnd)).containsExactly(1L, 1L, 1L, 1L, 1L);
    assertThat(aggregate("max", toEnd)).containsExactly(8L, 8L, 8L, 8L, 1L);
  }

  @Test
  void runningAggregatesIncludePeersInRangeFrames() {
    // Default frame with ORDER BY: keys 1, 2, 2, 4, 7 -> peers of 2 see both rows.
    assertThat(aggregate("sum_long", WindowFrame.RANGE_UNBOUNDED_TO_CURRENT))
        .containsExactly(5L, 8L, 8L, 16L, 17L);
    assertThat(aggregate("avg", WindowFrame.ROWS_UNBOUNDED)).containsExactly(4.25, 4.25, 4.25, 4.25, 4.25);
  }

  @Test
  void rankingFunctionsFromPeerGroups() {
    Object[] rank = new Object[5];
    new RankingEvaluator(RankingFunction.Kind.RANK, 0).evaluate(partition(), rank);
    assertThat(rank).containsExactly(1, 2, 2, 4, 5);
    Object[] dense = new Object[5];
    new RankingEvaluator(RankingFunction.Kind.DENSE_RANK, 0).evaluate(partition(), dense);
    assertThat(dense).containsExactly(1, 2, 2, 3, 4);
    Object[] cume = new Object[5];
    new RankingEvaluator(RankingFunction.Kind.CUME_DIST, 0).evaluate(partition(), cume);
    assertThat(cume).containsExactly(0.2, 0.6, 0.6, 0.8, 1.0);
    // 5 rows in 3 buckets: sizes 2, 2, 1.
    Object[] ntile = new Object[5];
    new RankingEvaluator(RankingFunction.Kind.NTILE, 3).evaluate(partition(), ntile);
    assertThat(ntile).containsExactly(1, 1, 2, 2, 3);
  }

  @Test
  void offsetsAndFrameValues() {
    Object[] lag = new Object[5];
    new OffsetEvaluator(-2, 1, 0).evaluate(partition(), lag);
    assertThat(lag).containsExactly(1, 2, 5L, null, 3L);
    Object[] second = new Object[5];
    new FrameValueEvaluator(FrameValueFunction.Kind.NTH_VALUE, 2, 1,
        new WindowFrame(FrameType.ROWS, preceding(1), FrameBoundary.CURRENT_ROW), -1, true)
        .evaluate(partition(), second);
    assertThat(second).containsExactly(null, null, 3L, 8L, 1L);
  }
}

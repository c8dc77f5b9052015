package dev.ember.shuffle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.scheduler.MapStatus;
import dev.ember.storage.BlockManagerId;
import java.util.List;
import org.junit.jupiter.api.Test;

class MapOutputTrackerTest {

  private static final BlockManagerId A = new BlockManagerId("a", "host-a", 1);
  private static final BlockManagerId B = new BlockManagerId("b", "host-b", 2);

  @Test
  void theEpochRisesOnlyWhenOutputsAreForgotten() {
    MapOutputTracker tracker = new MapOutputTracker();
    tracker.registerShuffle(0, 2);
    tracker.registerMapOutput(0, 0, new MapStatus(A, 10, new long[] {5}));
    tracker.registerMapOutput(0, 1, new MapStatus(B, 11, new long[] {7}));
    assertThat(tracker.epoch()).isZero();

    tracker.removeOutputsOnExecutor("a");

    assertThat(tracker.epoch()).isEqualTo(1);
    assertThat(tracker.findMissingPartitions(0)).containsExactly(0);
    tracker.unregisterMapOutput(0, 1, 99);
    assertThat(tracker.epoch()).as("a stale map id forgets nothing").isEqualTo(1);
    tracker.unregisterMapOutput(0, 1, 11);
    assertThat(tracker.epoch()).isEqualTo(2);
  }

  @Test
  void aSubclassAnswersReadsFromItsOwnSource() {
    MapStatus[] remote = {new MapStatus(B, 3, new long[] {0, 4})};
    MapOutputTracker executorSide = new MapOutputTracker() {
      @Override
      protected MapStatus[] statusesForRead(int shuffleId) {
        return shuffleId == 7 ? remote : null;
      }
    };

    List<MapOutputLocation> locations = executorSide.getMapSizesByRange(7, 0, 2);

    assertThat(locations).extracting(MapOutputLocation::location, MapOutputLocation::size)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(B, 4L));
    assertThatThrownBy(() -> executorSide.getMapSizesByRange(8, 0, 1)).isInstanceOf(FetchFailedException.class);
  }
}

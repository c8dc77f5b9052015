package dev.ember.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.status.EmberStageInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressBarRendererTest {

  private static EmberStageInfo stage(int id, int total, int active, int completed) {
    return new EmberStageInfo(id, 0, 1, "stage " + id, total, active, completed, 0);
  }

  @Test
  void oneStageFillsTheLine() {
    String bar = ProgressBarRenderer.render(List.of(stage(3, 40, 2, 12)), 80);
    // 80 - "[Stage 3:".length() (9) - "(12 + 2) / 40]".length() (14) = 57 columns; 57 * 12 / 40 = 17 done.
    assertThat(bar).isEqualTo("[Stage 3:" + "=".repeat(17) + ">" + " ".repeat(39) + "(12 + 2) / 40]");
    assertThat(bar).hasSize(80);
  }

  @Test
  void emptyAndFinishedStages() {
    assertThat(ProgressBarRenderer.render(List.of(stage(0, 10, 0, 0)), 30))
        .isEqualTo("[Stage 0:>" + " ".repeat(7) + "(0 + 0) / 10]");
    assertThat(ProgressBarRenderer.render(List.of(stage(1, 4, 0, 4)), 30))
        .isEqualTo("[Stage 1:" + "=".repeat(9) + "(4 + 0) / 4]");
    assertThat(ProgressBarRenderer.render(List.of(), 80)).isEmpty();
  }

  @Test
  void severalStagesShareTheWidth() {
    String bar = ProgressBarRenderer.render(List.of(stage(1, 10, 2, 5), stage(2, 3, 1, 0)), 60);
    // Each stage gets 30 columns: stage 1 has 30 - 9 - 13 = 8 columns, 4 done; stage 2 has 30 - 9 - 12 = 9.
    assertThat(bar).isEqualTo("[Stage 1:====>   (5 + 2) / 10]" + "[Stage 2:>        (0 + 1) / 3]");
    assertThat(bar).hasSize(60);
  }

  @Test
  void aNarrowTerminalDropsTheBarButKeepsTheCounts() {
    assertThat(ProgressBarRenderer.render(List.of(stage(12, 200, 8, 100)), 20))
        .isEqualTo("[Stage 12:(100 + 8) / 200]");
  }

  @Test
  void clearingBlanksTheLine() {
    assertThat(ProgressBarRenderer.clear(5)).isEqualTo("\r     \r");
  }
}

package dev.ember.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.executor.TaskMetrics;
import dev.ember.scheduler.EmberListenerEvent;
import dev.ember.scheduler.StageInfo;
import dev.ember.scheduler.TaskEndReason;
import dev.ember.scheduler.TaskInfo;
import dev.ember.status.AppStatusStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ConsoleProgressBarTest {

  private final AppStatusStore store = new AppStatusStore(10, 10);
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final AtomicLong now = new AtomicLong(10_000);
  private final ConsoleProgressBar bar =
      new ConsoleProgressBar(store, new PrintStream(bytes, true, StandardCharsets.UTF_8), 40, now::get);

  private String output() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static StageInfo stage(int id, int tasks, long submitted) {
    return new StageInfo(id, 0, "count", tasks, List.of(), submitted, 0, null, new TaskMetrics());
  }

  private static TaskInfo task(long id) {
    return new TaskInfo(id, (int) id, 0, (int) id, 0, "driver", "localhost", 0, false, false);
  }

  @Test
  void showsAStageOnlyAfterItHasRunHalfASecondAndErasesItWhenItEnds() {
    store.onStageSubmitted(new EmberListenerEvent.StageSubmitted(stage(0, 4, 10_000), null));
    store.onTaskStart(new EmberListenerEvent.TaskStart(0, 0, task(0)));
    now.set(10_499);
    bar.refresh();
    assertThat(output()).isEmpty();

    now.set(10_500);
    bar.refresh();
    assertThat(output()).isEqualTo("\r" + ProgressBarRenderer.render(store.activeStages(), 40));
    assertThat(output()).contains("(0 + 1) / 4]");

    int before = output().length();
    now.set(10_700);
    bar.refresh();
    assertThat(output()).as("an unchanged bar is not redrawn").hasSize(before);

    store.onTaskEnd(new EmberListenerEvent.TaskEnd(0, 0, "ResultTask", new TaskEndReason.Success(), task(0), null));
    bar.refresh();
    assertThat(output()).endsWith("(1 + 0) / 4]");

    store.onStageCompleted(new EmberListenerEvent.StageCompleted(stage(0, 4, 10_000)));
    bar.refresh();
    assertThat(output()).endsWith(ProgressBarRenderer.clear(40));
  }

  @Test
  void showsAtMostThreeStages() {
    for (int id = 0; id < 4; id++) {
      store.onStageSubmitted(new EmberListenerEvent.StageSubmitted(stage(id, 2, 1_000), null));
    }
    bar.refresh();
    assertThat(output()).contains("[Stage 0:", "[Stage 1:", "[Stage 2:").doesNotContain("[Stage 3:");
    bar.stop();
    assertThat(output()).endsWith(ProgressBarRenderer.clear(40));
  }

  private static boolean timerThreadAlive() {
    return Thread.getAllStackTraces().keySet().stream()
        .anyMatch(thread -> thread.getName().equals("ember-console-progress-bar") && thread.isAlive());
  }

  @Test
  void theTimerRedrawsOnItsOwnAndStopsWithTheBar() throws Exception {
    store.onStageSubmitted(new EmberListenerEvent.StageSubmitted(stage(5, 2, 1_000), null));
    bar.start();
    long deadline = System.currentTimeMillis() + 5_000;
    while (output().isEmpty() && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
    }
    assertThat(output()).startsWith("\r[Stage 5:");
    assertThat(timerThreadAlive()).isTrue();
    bar.stop();
    // The pool has terminated when stop returns, but its thread may still be on its way out.
    long exitDeadline = System.currentTimeMillis() + 2_000;
    while (timerThreadAlive() && System.currentTimeMillis() < exitDeadline) {
      Thread.sleep(10);
    }
    assertThat(timerThreadAlive()).isFalse();
    assertThat(output()).endsWith(ProgressBarRenderer.clear(40));
  }
}

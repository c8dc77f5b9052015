package dev.ember.ui;

import dev.ember.status.EmberStageInfo;
import java.util.List;

/**
 * Draws the console progress bar of running stages, Spark's way: each stage gets an equal share of the line,
 * {@code [Stage 3:=====>          (12 + 2) / 40]}, with the completed share as {@code =} and an arrow at the
 * front. A pure function, so its layout is tested without a terminal.
 */
final class ProgressBarRenderer {

  private ProgressBarRenderer() {}

  /** The bar for {@code stages} in {@code width} columns; empty when there is no stage. */
  static String render(List<EmberStageInfo> stages, int width) {
    if (stages.isEmpty()) {
      return "";
    }
    int share = width / stages.size();
    StringBuilder line = new StringBuilder();
    for (EmberStageInfo stage : stages) {
      String header = "[Stage " + stage.stageId() + ":";
      String tailer = "(" + stage.numCompletedTasks() + " + " + stage.numActiveTasks() + ") / " + stage.numTasks()
          + "]";
      line.append(header);
      int barWidth = share - header.length() - tailer.length();
      if (barWidth > 0) {
        int done = stage.numTasks() == 0 ? barWidth
            : (int) ((long) barWidth * Math.min(stage.numCompletedTasks(), stage.numTasks()) / stage.numTasks());
        for (int i = 0; i < barWidth; i++) {
          line.append(i < done ? '=' : i == done ? '>' : ' ');
        }
      }
      line.append(tailer);
    }
    return line.toString();
  }

  /** What erases a bar of {@code width} columns: back to the line start, blanks, back again. */
  static String clear(int width) {
    return "\r" + " ".repeat(width) + "\r";
  }
}

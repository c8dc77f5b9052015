package dev.ember.ui;

import dev.ember.status.AppStatusStore;
import dev.ember.status.EmberStageInfo;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Shows the progress of running stages on one console line, as Spark does. A stage appears once it has run
 * for {@value #FIRST_DELAY_MS} ms (quick stages never flicker), the line is redrawn every
 * {@value #UPDATE_PERIOD_MS} ms when it changed, at most three stages are shown, and the line is erased when
 * no stage is running. The context starts one when {@code spark.ui.showConsoleProgress} is true and standard
 * error is a terminal.
 */
public final class ConsoleProgressBar {

  /** How long a stage runs before it is shown. */
  public static final long FIRST_DELAY_MS = 500;
  /** How often the line is redrawn. */
  public static final long UPDATE_PERIOD_MS = 200;
  private static final long FORCED_REDRAW_MS = 60_000;
  private static final int MAX_STAGES = 3;
  private static final int DEFAULT_WIDTH = 80;

  private final AppStatusStore store;
  private final PrintStream out;
  private final int width;
  private final LongSupplier clock;
  private ScheduledExecutorService timer;
  private String lastShown = "";
  private long lastDrawTime;

  /**
   * @param out where the bar is drawn (standard error in practice)
   * @param width the terminal's width in columns
   * @param clock the current time in milliseconds
   */
  public ConsoleProgressBar(AppStatusStore store, PrintStream out, int width, LongSupplier clock) {
    this.store = store;
    this.out = out;
    this.width = width;
    this.clock = clock;
  }

  /** A bar on standard error as wide as the terminal ({@code COLUMNS}, else 80 columns). */
  public static ConsoleProgressBar onStandardError(AppStatusStore store) {
    return new ConsoleProgressBar(store, System.err, terminalWidth(), System::currentTimeMillis);
  }

  private static int terminalWidth() {
    try {
      String columns = System.getenv("COLUMNS");
      return columns == null ? DEFAULT_WIDTH : Math.max(20, Integer.parseInt(columns.trim()));
    } catch (NumberFormatException e) {
      return DEFAULT_WIDTH;
    }
  }

  /** Starts redrawing on a daemon timer thread. */
  public synchronized void start() {
    if (timer != null) {
      return;
    }
    timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "ember-console-progress-bar");
      thread.setDaemon(true);
      return thread;
    });
    timer.scheduleAtFixedRate(this::refresh, UPDATE_PERIOD_MS, UPDATE_PERIOD_MS, TimeUnit.MILLISECONDS);
  }

  /** Draws, redraws or erases the line for the stages running now. Called by the timer. */
  public synchronized void refresh() {
    long now = clock.getAsLong();
    List<EmberStageInfo> shown = store.activeStages().stream()
        .filter(stage -> stage.submissionTime() > 0 && now - stage.submissionTime() >= FIRST_DELAY_MS)
        .limit(MAX_STAGES)
        .toList();
    if (shown.isEmpty()) {
      erase();
      return;
    }
    String bar = ProgressBarRenderer.render(shown, width);
    if (!bar.equals(lastShown) || now - lastDrawTime >= FORCED_REDRAW_MS) {
      out.print("\r" + bar);
      out.flush();
      lastShown = bar;
      lastDrawTime = now;
    }
  }

  /** Erases the line if a bar is showing. */
  public synchronized void erase() {
    if (!lastShown.isEmpty()) {
      out.print(ProgressBarRenderer.clear(width));
      out.flush();
      lastShown = "";
    }
  }

  /** Stops the timer and erases the line. */
  public void stop() {
    ScheduledExecutorService running;
    synchronized (this) {
      running = timer;
      timer = null;
    }
    if (running != null) {
      running.shutdownNow();
      try {
        running.awaitTermination(1, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    erase();
  }
}

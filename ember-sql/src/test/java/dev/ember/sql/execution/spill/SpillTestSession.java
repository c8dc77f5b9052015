package dev.ember.sql.execution.spill;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.EmberEnv;
import dev.ember.scheduler.EmberListener;
import dev.ember.scheduler.EmberListenerEvent;
import dev.ember.sql.EmberSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A session whose executors have 8 MB of memory (about 2.4 MB of execution memory per task with two
 * tasks), with the task metrics' spill counters summed, and a view {@code gen(id)} of 100,000 ids generated
 * on the executors by cross joins of digits — several times what one task may hold.
 */
final class SpillTestSession implements AutoCloseable {

  static final int ROWS = 100_000;

  final EmberSession session;
  final AtomicLong diskBytesSpilled = new AtomicLong();
  final AtomicLong memoryBytesSpilled = new AtomicLong();

  /** A session with {@code memoryBytes} of executor memory and extra settings as key, value, key, value... */
  SpillTestSession(long memoryBytes, String... settings) {
    EmberSession.Builder builder = EmberSession.builder().master("local[2]").appName("SpillTest")
        .config("ember.testing.memory", String.valueOf(memoryBytes))
        .config("ember.testing.reservedMemory", "0")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.autoBroadcastJoinThreshold", "10m");
    for (int i = 0; i + 1 < settings.length; i += 2) {
      builder.config(settings[i], settings[i + 1]);
    }
    session = builder.getOrCreate();
    session.emberContext().addEmberListener(new EmberListener() {
      @Override
      public void onTaskEnd(EmberListenerEvent.TaskEnd event) {
        if (event.metrics() != null) {
          diskBytesSpilled.addAndGet(event.metrics().diskBytesSpilled());
          memoryBytesSpilled.addAndGet(event.metrics().memoryBytesSpilled());
        }
      }
    });
    session.sql("CREATE TEMPORARY VIEW digits AS SELECT * FROM (VALUES (0), (1), (2), (3), (4), (5), (6), (7), "
        + "(8), (9)) AS t(d)");
    session.sql("CREATE TEMPORARY VIEW gen AS SELECT a.d + 10 * b.d + 100 * c.d + 1000 * e.d + 10000 * f.d AS id "
        + "FROM digits a, digits b, digits c, digits e, digits f");
  }

  /** Resets the spill counters, after the listener bus has delivered every event so far. */
  void resetMetrics() {
    awaitListeners();
    diskBytesSpilled.set(0);
    memoryBytesSpilled.set(0);
  }

  void awaitListeners() {
    try {
      assertThat(session.emberContext().listenerBus().waitUntilEmpty(10_000)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The spill files left in the executor's local directories. */
  static long spillFilesLeft() {
    Path root = EmberEnv.get().blockManager().diskBlockManager().root();
    long[] count = {0};
    try {
      // Shuffle files of earlier queries may be removed in the background while the tree is walked: an entry
      // that vanishes between listing and reading is simply not counted.
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
          if (file.getFileName().toString().startsWith("temp_spill_")) {
            count[0]++;
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return count[0];
  }

  @Override
  public void close() {
    session.stop();
  }
}

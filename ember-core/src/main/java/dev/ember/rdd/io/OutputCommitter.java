package dev.ember.rdd.io;

import dev.ember.EmberException;
import dev.ember.TaskContext;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Commits the files of a write job so that readers see all of them or none, as Hadoop's file output committer
 * does. Tasks write into {@code path/_temporary/0/_temporary/attempt_<stage>_<partition>_<attempt>/}; a
 * successful task renames its attempt directory to {@code path/_temporary/0/task_<partition>} (so one attempt
 * per partition wins); the job then moves the committed files into {@code path}, deletes {@code _temporary}
 * and writes the {@code _SUCCESS} marker. A failed job deletes {@code path}.
 *
 * <pre>{@code
 * OutputCommitter committer = OutputCommitter.forPath("/data/out");
 * committer.setupJob();                                  // driver; fails if /data/out exists
 * // in each task:
 * Path file = committer.taskAttemptFile(context, "part-00000");
 * ... write file ...; committer.commitTask(context);     // or abortTask(context) on failure
 * committer.commitJob();                                 // driver, after every task succeeded
 * }</pre>
 *
 * <p>It is serializable and small, so tasks capture it. It works on local (or locally mounted) file systems.
 */
public final class OutputCommitter implements Serializable {

  private static final long serialVersionUID = 1L;
  /** The marker a successful job leaves in its output directory. */
  public static final String SUCCESS_MARKER = "_SUCCESS";
  private static final String TEMPORARY = "_temporary";

  private final String path;

  private OutputCommitter(String path) {
    this.path = path;
  }

  /**
   * A committer for output directory {@code path} (a local path or a {@code file:} URI).
   *
   * @throws EmberException {@code UNSUPPORTED_FILE_SYSTEM} for other schemes such as {@code hdfs:}
   */
  public static OutputCommitter forPath(String path) {
    return new OutputCommitter(LocalPaths.toLocal(path).toString());
  }

  /** The final output directory. */
  public Path outputPath() {
    return Path.of(path);
  }

  private Path jobTemp() {
    return Path.of(path, TEMPORARY, "0");
  }

  private Path attemptDir(TaskContext context) {
    return jobTemp().resolve(TEMPORARY).resolve("attempt_" + context.stageId() + "_" + context.partitionId()
        + "_" + context.attemptNumber());
  }

  private Path committedTaskDir(int partition) {
    return jobTemp().resolve("task_" + partition);
  }

  /**
   * Creates the output directory's temporary area. Runs on the driver before any task.
   *
   * @throws EmberException {@code PATH_ALREADY_EXISTS} if the output directory exists
   */
  public void setupJob() {
    Path out = outputPath();
    if (Files.exists(out)) {
      throw new EmberException("PATH_ALREADY_EXISTS", "Output directory " + out.toUri() + " already exists; "
          + "delete it or write to another path.");
    }
    try {
      Files.createDirectories(jobTemp());
    } catch (IOException e) {
      throw new UncheckedIOException("Could not create output directory " + out, e);
    }
  }

  /** The file a task attempt writes {@code fileName} to; its directory exists. Runs in the task. */
  public Path taskAttemptFile(TaskContext context, String fileName) {
    Path dir = attemptDir(context);
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not create task directory " + dir, e);
    }
    return dir.resolve(fileName);
  }

  /** Publishes the task attempt's files to the job, unless another attempt of its partition did first. */
  public void commitTask(TaskContext context) {
    Path attempt = attemptDir(context);
    Path committed = committedTaskDir(context.partitionId());
    try {
      if (!Files.exists(attempt)) {
        Files.createDirectories(attempt); // a task that wrote no file still commits
      }
      Files.move(attempt, committed, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
      deleteRecursively(attempt);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not commit task output " + attempt, e);
    }
  }

  /** Deletes the task attempt's files. */
  public void abortTask(TaskContext context) {
    deleteRecursively(attemptDir(context));
  }

  /** Moves the committed tasks' files into the output directory and writes {@code _SUCCESS}. Driver. */
  public void commitJob() {
    Path out = outputPath();
    try (Stream<Path> tasks = Files.list(jobTemp())) {
      List<Path> committed = tasks.filter(p -> p.getFileName().toString().startsWith("task_")).toList();
      for (Path task : committed) {
        try (Stream<Path> files = Files.list(task)) {
          for (Path file : files.toList()) {
            Files.move(file, out.resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE);
          }
        }
      }
      deleteRecursively(out.resolve(TEMPORARY));
      Files.createFile(out.resolve(SUCCESS_MARKER));
    } catch (IOException e) {
      throw new UncheckedIOException("Could not commit job output in " + out, e);
    }
  }

  /** Deletes everything the job wrote, the output directory included. Driver. */
  public void abortJob() {
    deleteRecursively(outputPath());
  }

  private static void deleteRecursively(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not delete " + root, e);
    }
  }
}

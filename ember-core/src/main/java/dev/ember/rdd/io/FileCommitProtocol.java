package dev.ember.rdd.io;

import static java.util.Objects.requireNonNull;

import dev.ember.EmberException;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Publishes a job's output files only when the job succeeds, with the directory layout of Hadoop's
 * {@code FileOutputCommitter}: a task attempt writes under
 * {@code <output>/_temporary/0/_temporary/attempt_<partition>_<attempt>/}; committing the task renames that
 * directory to {@code <output>/_temporary/0/task_<partition>/} (replacing an earlier attempt's); committing the
 * job moves every committed file into {@code <output>}, deletes {@code _temporary} and writes an empty
 * {@code _SUCCESS} marker. Aborting the job deletes the output directory it created.
 *
 * <pre>{@code
 * FileCommitProtocol protocol = new FileCommitProtocol("/data/out");
 * protocol.setupJob();                                          // driver; fails if /data/out exists
 * // in each task:
 * Path file = protocol.newTaskTempFile(partition, attempt, "part-00000");
 * ... write file ...; protocol.commitTask(partition, attempt);  // or abortTask(partition, attempt)
 * protocol.commitJob();                                         // driver, after every task succeeded
 * }</pre>
 *
 * <p>Instances are serializable and travel inside tasks; executors must see the same file system as the driver.
 * Text files and object files are both written through it.
 */
public final class FileCommitProtocol implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final String TEMPORARY = "_temporary";
  private static final String JOB_ATTEMPT = "0";
  /** The marker file a successful job leaves in its output directory. */
  public static final String SUCCESS_MARKER = "_SUCCESS";

  private final String outputDir;

  /**
   * A protocol writing into {@code outputDir} (a local path or a {@code file:} URI).
   *
   * @throws EmberException {@code UNSUPPORTED_FILE_SYSTEM} for other schemes such as {@code hdfs:}
   */
  public FileCommitProtocol(String outputDir) {
    requireNonNull(outputDir, "outputDir is null");
    this.outputDir = LocalPaths.toLocal(outputDir).toString();
  }

  private Path output() {
    return Paths.get(outputDir);
  }

  private Path jobAttemptDir() {
    return output().resolve(TEMPORARY).resolve(JOB_ATTEMPT);
  }

  private Path taskAttemptDir(int partition, int attempt) {
    return jobAttemptDir().resolve(TEMPORARY).resolve("attempt_" + partition + "_" + attempt);
  }

  private Path committedTaskDir(int partition) {
    return jobAttemptDir().resolve("task_" + partition);
  }

  /**
   * Creates the output directory and its temporary area, on the driver before any task runs.
   *
   * @throws EmberException {@code PATH_ALREADY_EXISTS} if the output directory exists
   */
  public void setupJob() {
    if (Files.exists(output())) {
      throw pathExists();
    }
    try {
      Files.createDirectories(output().getParent());
      Files.createDirectory(output());
      Files.createDirectories(jobAttemptDir());
    } catch (FileAlreadyExistsException e) {
      throw pathExists();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create output directory " + outputDir, e);
    }
  }

  private EmberException pathExists() {
    return new EmberException("PATH_ALREADY_EXISTS", "Output directory file:" + outputDir + " already exists; "
        + "delete it or choose another path.");
  }

  /** The file a task attempt writes {@code fileName} to, its directory created. */
  public Path newTaskTempFile(int partition, int attempt, String fileName) {
    Path dir = taskAttemptDir(partition, attempt);
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create task output directory " + dir, e);
    }
    return dir.resolve(fileName);
  }

  /** Makes a task attempt's files the partition's output, replacing those of an earlier attempt. */
  public void commitTask(int partition, int attempt) {
    Path committed = committedTaskDir(partition);
    try {
      deleteRecursively(committed);
      Files.move(taskAttemptDir(partition, attempt), committed, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot commit the output of task " + partition + " attempt " + attempt, e);
    }
  }

  /** Deletes what a failed task attempt wrote. */
  public void abortTask(int partition, int attempt) {
    try {
      deleteRecursively(taskAttemptDir(partition, attempt));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot clean up task " + partition + " attempt " + attempt, e);
    }
  }

  /** Moves the committed files into the output directory and marks it complete, on the driver. */
  public void commitJob() {
    try (Stream<Path> taskDirs = Files.list(jobAttemptDir())) {
      for (Path taskDir : taskDirs.filter(p -> p.getFileName().toString().startsWith("task_")).toList()) {
        try (Stream<Path> files = Files.list(taskDir)) {
          for (Path file : files.toList()) {
            Files.move(file, output().resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE);
          }
        }
      }
      deleteRecursively(output().resolve(TEMPORARY));
      Files.createFile(output().resolve(SUCCESS_MARKER));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot commit the output of the job into " + outputDir, e);
    }
  }

  /** Deletes the output directory and everything in it, after a failed job. */
  public void abortJob() {
    try {
      deleteRecursively(output());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete the output of the failed job in " + outputDir, e);
    }
  }

  private static void deleteRecursively(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      List<Path> deepestFirst = walk.sorted(Comparator.reverseOrder()).toList();
      for (Path path : deepestFirst) {
        Files.deleteIfExists(path);
      }
    }
  }

  @Override
  public String toString() {
    return "FileCommitProtocol(" + outputDir + ")";
  }
}

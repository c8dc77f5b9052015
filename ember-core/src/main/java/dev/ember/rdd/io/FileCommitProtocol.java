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
import java.util.Set;
import java.util.stream.Stream;

/**
 * Publishes a job's output files only when the job succeeds, with the directory layout of Hadoop's
 * {@code FileOutputCommitter}: a task attempt writes under
 * {@code <output>/_temporary/<job>/_temporary/attempt_<partition>_<attempt>/} (in subdirectories for
 * partitioned writes); committing the task renames that directory to
 * {@code <output>/_temporary/<job>/task_<partition>/} (replacing an earlier attempt's); committing the job moves
 * every committed file to the same relative path under {@code <output>}, deletes the temporary area and writes an
 * empty {@code _SUCCESS} marker. Aborting the job deletes the temporary area, and the output directory when the
 * job created it, so a failed write leaves nothing behind
 * and a failed overwrite keeps the old data.
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
 * Text files, object files and DataFrame writes are all written through it.
 */
public final class FileCommitProtocol implements Serializable {

  /** What a job does with an output directory that already exists. */
  public enum ExistingOutput {
    /** Refuse to write: {@code saveAsTextFile}'s rule. */
    FAIL,
    /** Add the new files next to the old ones. */
    APPEND,
    /** Replace the old contents when the job commits. */
    OVERWRITE
  }

  private static final long serialVersionUID = 1L;
  private static final String TEMPORARY = "_temporary";
  /** The marker file a successful job leaves in its output directory. */
  public static final String SUCCESS_MARKER = "_SUCCESS";

  private final String outputDir;
  private final String jobId;
  private final ExistingOutput existing;
  private final Set<String> keptOnOverwrite;
  private boolean createdOutput;

  /**
   * A protocol writing into {@code outputDir} (a local path or a {@code file:} URI), which must not exist yet.
   *
   * @throws EmberException {@code UNSUPPORTED_FILE_SYSTEM} for other schemes such as {@code hdfs:}
   */
  public FileCommitProtocol(String outputDir) {
    this(outputDir, "0", ExistingOutput.FAIL, Set.of());
  }

  /**
   * A protocol for the job {@code jobId} writing into {@code outputDir}.
   *
   * @param existing what to do when {@code outputDir} exists already
   * @param keptOnOverwrite names of top-level entries an overwrite leaves in place (a table's metadata file)
   * @throws EmberException {@code UNSUPPORTED_FILE_SYSTEM} for schemes other than {@code file:}
   */
  public FileCommitProtocol(String outputDir, String jobId, ExistingOutput existing, Set<String> keptOnOverwrite) {
    requireNonNull(outputDir, "outputDir is null");
    this.outputDir = LocalPaths.toLocal(outputDir).toString();
    this.jobId = requireNonNull(jobId, "jobId is null");
    this.existing = requireNonNull(existing, "existing is null");
    this.keptOnOverwrite = Set.copyOf(keptOnOverwrite);
  }

  private Path output() {
    return Paths.get(outputDir);
  }

  private Path jobDir() {
    return output().resolve(TEMPORARY).resolve(jobId);
  }

  private Path taskAttemptDir(int partition, int attempt) {
    return jobDir().resolve(TEMPORARY).resolve("attempt_" + partition + "_" + attempt);
  }

  private Path committedTaskDir(int partition) {
    return jobDir().resolve("task_" + partition);
  }

  /**
   * Creates the output directory if needed and the job's temporary area, on the driver before any task runs.
   *
   * @throws EmberException {@code PATH_ALREADY_EXISTS} if the output directory exists and the protocol was made
   *     to {@link ExistingOutput#FAIL FAIL} then
   */
  public void setupJob() {
    boolean exists = Files.isDirectory(output());
    if (exists && existing == ExistingOutput.FAIL || Files.exists(output()) && !exists) {
      throw pathExists();
    }
    try {
      if (!exists) {
        Path parent = output().toAbsolutePath().getParent();
        if (parent != null) {
          Files.createDirectories(parent);
        }
        Files.createDirectory(output());
        createdOutput = true;
      }
      Files.createDirectories(jobDir());
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
    return newTaskTempFile(partition, attempt, "", fileName);
  }

  /** The file a task attempt writes {@code fileName} in {@code relativeDir} ("" for the top) to. */
  public Path newTaskTempFile(int partition, int attempt, String relativeDir, String fileName) {
    Path dir = taskAttemptDir(partition, attempt);
    if (!relativeDir.isEmpty()) {
      dir = dir.resolve(relativeDir);
    }
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
    Path attemptDir = taskAttemptDir(partition, attempt);
    try {
      deleteRecursively(committed);
      if (Files.exists(attemptDir)) {
        Files.move(attemptDir, committed, StandardCopyOption.ATOMIC_MOVE);
      }
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

  /** Publishes the committed files and marks the output complete, on the driver after every task succeeded. */
  public void commitJob() {
    try {
      if (existing == ExistingOutput.OVERWRITE) {
        deleteOldContents();
      }
      try (Stream<Path> taskDirs = Files.list(jobDir())) {
        for (Path taskDir : taskDirs.filter(p -> p.getFileName().toString().startsWith("task_")).toList()) {
          moveFiles(taskDir);
        }
      }
      deleteTemporary();
      Files.deleteIfExists(output().resolve(SUCCESS_MARKER));
      Files.createFile(output().resolve(SUCCESS_MARKER));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot commit the output of the job into " + outputDir, e);
    }
  }

  private void deleteOldContents() throws IOException {
    try (Stream<Path> old = Files.list(output())) {
      for (Path entry : old.toList()) {
        String name = entry.getFileName().toString();
        if (!name.equals(TEMPORARY) && !keptOnOverwrite.contains(name)) {
          deleteRecursively(entry);
        }
      }
    }
  }

  private void moveFiles(Path taskDir) throws IOException {
    try (Stream<Path> walk = Files.walk(taskDir)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        Path target = output().resolve(taskDir.relativize(file).toString());
        Files.createDirectories(target.getParent());
        Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
      }
    }
  }

  /** Deletes the job's temporary files, and the output directory if this job created it; after a failure. */
  public void abortJob() {
    try {
      deleteTemporary();
      if (createdOutput) {
        deleteRecursively(output());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete the output of the failed job in " + outputDir, e);
    }
  }

  private void deleteTemporary() throws IOException {
    deleteRecursively(jobDir());
    Path temporary = output().resolve(TEMPORARY);
    try (Stream<Path> rest = Files.exists(temporary) ? Files.list(temporary) : Stream.empty()) {
      if (rest.findAny().isEmpty()) {
        Files.deleteIfExists(temporary);
      }
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
    return "FileCommitProtocol(" + outputDir + ", " + existing + ")";
  }
}

package dev.ember.sql.execution.datasources;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Publishes the files of a DataFrame write only when the whole job succeeds, with the layout of Hadoop's
 * {@code FileOutputCommitter} that core's {@code FileCommitProtocol} also uses, extended for what DataFrame
 * writes need and {@code saveAsTextFile} does not: an existing output directory (append and overwrite) and
 * files in partition subdirectories ({@code partitionBy}).
 *
 * <p>A task attempt writes under {@code <output>/_temporary/<job>/_temporary/attempt_<partition>_<attempt>/};
 * committing the task renames that to {@code <output>/_temporary/<job>/task_<partition>/}; committing the job
 * (on the driver) deletes the old contents when overwriting, moves every committed file to the same relative
 * path under the output, deletes the temporary area and writes {@code _SUCCESS}. Aborting the job deletes the
 * temporary area, and the output directory when the job created it, so a failed write leaves nothing behind
 * and an overwrite that fails keeps the old data.
 */
public final class DataSourceCommitProtocol implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final String TEMPORARY = "_temporary";
  private static final String SUCCESS = "_SUCCESS";
  /** The metadata file the catalog keeps in a managed table's directory; an overwrite of the table keeps it. */
  public static final String TABLE_METADATA = "_ember_table.json";

  private final String outputDir;
  private final String jobId;
  private final boolean overwrite;
  private boolean createdOutput;

  /** A protocol for one job writing into {@code outputDir}, replacing its contents when {@code overwrite}. */
  public DataSourceCommitProtocol(String outputDir, String jobId, boolean overwrite) {
    this.outputDir = outputDir;
    this.jobId = jobId;
    this.overwrite = overwrite;
  }

  private Path output() {
    return Paths.get(outputDir);
  }

  private Path jobDir() {
    return output().resolve(TEMPORARY).resolve(jobId);
  }

  private Path attemptDir(int partition, int attempt) {
    return jobDir().resolve(TEMPORARY).resolve("attempt_" + partition + "_" + attempt);
  }

  /** Creates the output directory if needed and the job's temporary area; on the driver, before the tasks. */
  public void setupJob() {
    try {
      if (!Files.isDirectory(output())) {
        Files.createDirectories(output());
        createdOutput = true;
      }
      Files.createDirectories(jobDir());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the output directory " + outputDir, e);
    }
  }

  /** The file a task attempt writes {@code fileName} in {@code relativeDir} ("" for the top) to. */
  public Path newTaskTempFile(int partition, int attempt, String relativeDir, String fileName) {
    Path dir = attemptDir(partition, attempt);
    if (!relativeDir.isEmpty()) {
      dir = dir.resolve(relativeDir);
    }
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the task output directory " + dir, e);
    }
    return dir.resolve(fileName);
  }

  /** Makes a task attempt's files the partition's output, replacing an earlier attempt's. */
  public void commitTask(int partition, int attempt) {
    Path committed = jobDir().resolve("task_" + partition);
    Path attemptDir = attemptDir(partition, attempt);
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
      deleteRecursively(attemptDir(partition, attempt));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot clean up task " + partition + " attempt " + attempt, e);
    }
  }

  /** Publishes the committed files and writes the success marker; on the driver, after every task succeeded. */
  public void commitJob() {
    try {
      if (overwrite) {
        try (Stream<Path> old = Files.list(output())) {
          for (Path entry : old.filter(p -> !p.getFileName().toString().equals(TEMPORARY)
            && !p.getFileName().toString().equals(TABLE_METADATA)).toList()) {
            deleteRecursively(entry);
          }
        }
      }
      try (Stream<Path> tasks = Files.list(jobDir())) {
        for (Path taskDir : tasks.filter(p -> p.getFileName().toString().startsWith("task_")).toList()) {
          moveFiles(taskDir);
        }
      }
      deleteTemporary();
      Files.deleteIfExists(output().resolve(SUCCESS));
      Files.createFile(output().resolve(SUCCESS));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot commit the output of the job into " + outputDir, e);
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
      throw new UncheckedIOException("Cannot clean up after the failed write into " + outputDir, e);
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
}

package dev.ember.rdd;

import dev.ember.EmberContext;
import dev.ember.EmberEnv;
import dev.ember.EmberException;
import dev.ember.Partition;
import dev.ember.Partitioner;
import dev.ember.TaskContext;
import dev.ember.serializer.SerializationStream;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads back an RDD saved by {@link RDD#checkpoint()}: one file {@code part-NNNNN} per partition, written with
 * the data serializer. A checkpointed RDD's only parent is this RDD.
 */
public final class ReliableCheckpointRDD<T> extends RDD<T> {

  private static final long serialVersionUID = 1L;
  private final String checkpointPath;
  private final Partitioner partitioner;

  /**
   * @param checkpointPath the directory holding the partition files
   * @param partitioner the partitioner of the RDD that was saved, or {@code null}
   */
  public ReliableCheckpointRDD(EmberContext context, String checkpointPath, Partitioner partitioner) {
    super(context, List.of());
    this.checkpointPath = checkpointPath;
    this.partitioner = partitioner;
  }

  /** The directory holding the partition files. */
  public String checkpointPath() {
    return checkpointPath;
  }

  @Override
  public Optional<Partitioner> partitioner() {
    return Optional.ofNullable(partitioner);
  }

  @Override
  protected Partition[] getPartitions() {
    Path dir = Path.of(checkpointPath);
    long count;
    try (Stream<Path> files = Files.list(dir)) {
      count = files.filter(f -> f.getFileName().toString().matches("part-\\d{5,}")).count();
    } catch (IOException e) {
      throw new EmberException("CHECKPOINT_NOT_READABLE", "Cannot list checkpoint directory " + dir + ": " + e, e);
    }
    Partition[] partitions = new Partition[(int) count];
    for (int i = 0; i < partitions.length; i++) {
      if (!Files.exists(dir.resolve(fileName(i)))) {
        throw new EmberException("CHECKPOINT_NOT_READABLE", "Checkpoint directory " + dir + " lacks "
            + fileName(i) + "; it is incomplete or was modified.");
      }
      partitions[i] = new CheckpointPartition(i);
    }
    return partitions;
  }

  @Override
  public Iterator<T> compute(Partition split, TaskContext context) {
    Path file = Path.of(checkpointPath).resolve(fileName(split.index()));
    InputStream in;
    try {
      in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024);
      context.taskMetrics().incInput(0, Files.size(file));
    } catch (IOException e) {
      throw new EmberException("CHECKPOINT_NOT_READABLE", "Cannot read checkpoint file " + file + ": " + e, e);
    }
    context.addTaskCompletionListener(c -> closeQuietly(in));
    return EmberEnv.get().serializer().newInstance().deserializeStream(in).asIterator();
  }

  static String fileName(int partition) {
    return String.format("part-%05d", partition);
  }

  /** Saves every partition of {@code rdd} under {@code path} (a job) and returns the RDD reading them back. */
  static <T> ReliableCheckpointRDD<T> writeRDDToCheckpointDirectory(RDD<T> rdd, String path) {
    Path dir = Path.of(path);
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new EmberException("CHECKPOINT_NOT_WRITABLE", "Cannot create checkpoint directory " + dir + ": " + e, e);
    }
    String target = dir.toAbsolutePath().toString();
    rdd.context().runJob(rdd, (context, records) -> {
      writePartition(target, context, records);
      return Boolean.TRUE;
    });
    ReliableCheckpointRDD<T> saved = new ReliableCheckpointRDD<>(rdd.context(), target, rdd.partitioner()
        .orElse(null));
    if (saved.getNumPartitions() != rdd.getNumPartitions()) {
      throw new EmberException("CHECKPOINT_RDD_PARTITION_MISMATCH", "Checkpointing " + rdd + " wrote "
          + saved.getNumPartitions() + " partition files instead of " + rdd.getNumPartitions() + " to " + dir);
    }
    return saved;
  }

  /** Writes one partition to a temporary file and renames it, so a reader never sees a partial file. */
  private static void writePartition(String dir, TaskContext context, Iterator<?> records) throws IOException {
    Path target = Path.of(dir).resolve(fileName(context.partitionId()));
    Path temp = Path.of(dir).resolve("." + target.getFileName() + "-attempt-" + context.taskAttemptId());
    long count = 0;
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp), 64 * 1024)) {
      SerializationStream stream = EmberEnv.get().serializer().newInstance().serializeStream(out);
      while (records.hasNext()) {
        stream.writeObject(records.next());
        count++;
      }
      stream.close();
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
    long bytes = Files.size(temp);
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException e) {
      Files.deleteIfExists(temp); // another attempt of this task saved the same partition first
    }
    context.taskMetrics().incOutput(count, bytes);
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package dev.ember.cluster.scheduler;

import dev.ember.scheduler.MapStatus;
import dev.ember.scheduler.TaskDescription;
import dev.ember.scheduler.TaskState;
import dev.ember.storage.BlockId;
import dev.ember.storage.BlockManagerId;
import dev.ember.storage.BlockStatus;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/** The messages between a driver and its executor processes, and between executors fetching blocks. */
public final class ClusterMessages {

  private ClusterMessages() {}

  /**
   * Executor to driver (request): an executor process is up; answered with {@link RegisteredExecutor}.
   *
   * @param blockPort the port its block server listens on, where others fetch its shuffle output
   */
  public record RegisterExecutor(String executorId, String host, int cores, int blockPort) implements Serializable {}

  /**
   * Driver to executor: welcome, with the application's configuration and the names of its jars.
   *
   * @param conf the driver's configuration entries
   * @param jars the file names of {@code spark.jars}, to fetch with {@link FetchFile}
   */
  public record RegisteredExecutor(Map<String, String> conf, List<String> jars) implements Serializable {}

  /** Driver to executor (one-way): run a task; {@code epoch} is the driver's map output epoch. */
  public record LaunchTask(TaskDescription task, long epoch) implements Serializable {}

  /** Driver to executor (one-way): stop a task. */
  public record KillTask(long taskId, boolean interruptThread, String reason) implements Serializable {}

  /** Driver to executor (one-way): the application is over; exit. */
  public record StopExecutor() implements Serializable {}

  /** Executor to driver (one-way): a task changed state; {@code data} is what core's executor reported. */
  public record StatusUpdate(String executorId, long taskId, TaskState state, byte[] data) implements Serializable {}

  /** Executor to driver (one-way): still alive. */
  public record ExecutorHeartbeat(String executorId) implements Serializable {}

  /** Executor to driver (request): where the outputs of a shuffle are; answered with {@link MapOutputStatuses}. */
  public record GetMapOutputStatuses(int shuffleId) implements Serializable {}

  /** Driver to executor: the outputs of a shuffle ({@code null} if the driver does not know the shuffle). */
  public record MapOutputStatuses(MapStatus[] statuses) implements Serializable {}

  /** Executor to driver (request): the bytes of a broadcast piece, or {@code null} if it is gone. */
  public record FetchBroadcastPiece(BlockId.BroadcastBlockId piece) implements Serializable {}

  /** Executor to driver (request): the bytes of one of the application's jars, by file name. */
  public record FetchFile(String name) implements Serializable {}

  /**
   * Executor to executor (request): up to {@code length} bytes of a shuffle block slice from {@code offset}; a
   * shorter answer means the slice ends there. Slices travel in chunks so neither side holds a whole one.
   */
  public record FetchShuffleBlock(BlockId.ShuffleBlockId blockId, long offset, int length) implements Serializable {}

  /** Executor to driver (request): which block managers hold a block; answered with {@link BlockLocations}. */
  public record GetBlockLocations(BlockId blockId) implements Serializable {}

  /** Driver to executor: the block managers holding a block. */
  public record BlockLocations(List<BlockManagerId> locations) implements Serializable {}

  /** Executor to executor (request): the serialized bytes of a cached block, or {@code null} if it is gone. */
  public record FetchBlock(BlockId blockId) implements Serializable {}

  /** Executor to driver (one-way): a block's status changed on this executor (for locality and unpersist). */
  public record BlockUpdated(BlockManagerId location, BlockId blockId, BlockStatus status) implements Serializable {}

  /** Driver to executor (one-way): drop an RDD's cached blocks. */
  public record RemoveRdd(int rddId) implements Serializable {}

  /** Driver to executor (one-way): drop a broadcast's copy, and with {@code includePieces} its pieces. */
  public record RemoveBroadcast(long broadcastId, boolean includePieces) implements Serializable {}
}

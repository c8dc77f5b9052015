package dev.ember.storage;

import java.io.Serializable;

/**
 * Names a block: a cached RDD partition, a shuffle file, a broadcast piece. The name is also the file name
 * of the block on disk, so it must be unique within an executor.
 */
public sealed interface BlockId extends Serializable
    permits BlockId.RDDBlockId, BlockId.ShuffleDataBlockId, BlockId.ShuffleIndexBlockId,
        BlockId.ShuffleBlockId, BlockId.BroadcastBlockId, BlockId.TempBlockId {

  /** The block's name, e.g. {@code rdd_3_7}. */
  String name();

  /** Partition {@code splitIndex} of RDD {@code rddId}. */
  record RDDBlockId(int rddId, int splitIndex) implements BlockId {
    @Override
    public String name() {
      return "rdd_" + rddId + "_" + splitIndex;
    }
  }

  /** The data file a map task of a shuffle writes: all its reduce partitions, one after the other. */
  record ShuffleDataBlockId(int shuffleId, long mapId) implements BlockId {
    @Override
    public String name() {
      return "shuffle_" + shuffleId + "_" + mapId + ".data";
    }
  }

  /** The index file of a map task's data file: the offsets where each reduce partition starts. */
  record ShuffleIndexBlockId(int shuffleId, long mapId) implements BlockId {
    @Override
    public String name() {
      return "shuffle_" + shuffleId + "_" + mapId + ".index";
    }
  }

  /** One reduce partition's slice of one map task's shuffle output. */
  record ShuffleBlockId(int shuffleId, long mapId, int reduceId) implements BlockId {
    @Override
    public String name() {
      return "shuffle_" + shuffleId + "_" + mapId + "_" + reduceId;
    }
  }

  /** A broadcast variable's value ({@code piece} -1) or one piece of its serialized bytes. */
  record BroadcastBlockId(long broadcastId, int piece) implements BlockId {
    @Override
    public String name() {
      return piece < 0 ? "broadcast_" + broadcastId : "broadcast_" + broadcastId + "_piece" + piece;
    }
  }

  /** Scratch data such as a spill file; {@code id} is a random UUID string. */
  record TempBlockId(String kind, String id) implements BlockId {
    @Override
    public String name() {
      return "temp_" + kind + "_" + id;
    }
  }
}

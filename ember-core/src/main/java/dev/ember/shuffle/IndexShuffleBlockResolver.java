package dev.ember.shuffle;

import dev.ember.storage.BlockId;
import dev.ember.storage.DiskBlockManager;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.BufferedOutputStream;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;

/**
 * The on-disk layout of shuffle output: one data file per map task holding every reduce partition's bytes in
 * order, and an index file of {@code numPartitions + 1} offsets into it. A reduce partition's slice is the
 * bytes between two consecutive offsets.
 */
public final class IndexShuffleBlockResolver {

  private final DiskBlockManager diskBlockManager;

  public IndexShuffleBlockResolver(DiskBlockManager diskBlockManager) {
    this.diskBlockManager = diskBlockManager;
  }

  /** Where map outputs and spill files live. */
  public DiskBlockManager diskBlockManager() {
    return diskBlockManager;
  }

  /** The data file of a map output. */
  public File dataFile(int shuffleId, long mapId) {
    return diskBlockManager.getFile(new BlockId.ShuffleDataBlockId(shuffleId, mapId));
  }

  /** The index file of a map output. */
  public File indexFile(int shuffleId, long mapId) {
    return diskBlockManager.getFile(new BlockId.ShuffleIndexBlockId(shuffleId, mapId));
  }

  /**
   * Makes a map output visible: writes the index for {@code lengths} and moves {@code tempData} into place,
   * each by an atomic rename, so a reader sees either nothing or a complete output.
   */
  public void writeIndexFileAndCommit(int shuffleId, long mapId, long[] lengths, File tempData)
      throws IOException {
    File index = indexFile(shuffleId, mapId);
    File tempIndex = new File(index.getPath() + ".tmp");
    try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(tempIndex)))) {
      long offset = 0;
      out.writeLong(offset);
      for (long length : lengths) {
        offset += length;
        out.writeLong(offset);
      }
    }
    File data = dataFile(shuffleId, mapId);
    if (tempData.length() != sum(lengths)) {
      tempIndex.delete();
      throw new IOException("Shuffle data file " + tempData + " has " + tempData.length()
          + " bytes but its partitions add up to " + sum(lengths));
    }
    Files.move(tempData.toPath(), data.toPath(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    Files.move(tempIndex.toPath(), index.toPath(), StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * Opens one reduce partition's slice of a map output.
   *
   * @throws IOException if the files are missing or the index does not match the data file
   */
  public InputStream openBlock(BlockId.ShuffleBlockId blockId) throws IOException {
    File index = indexFile(blockId.shuffleId(), blockId.mapId());
    File data = dataFile(blockId.shuffleId(), blockId.mapId());
    long start;
    long end;
    try (DataInputStream in = new DataInputStream(new FileInputStream(index))) {
      in.skipNBytes(8L * blockId.reduceId());
      start = in.readLong();
      end = in.readLong();
    }
    long dataLength = data.length();
    if (start < 0 || end < start || end > dataLength) {
      throw new IOException("Shuffle index " + index + " points at bytes [" + start + ", " + end
          + ") but data file " + data + " has " + dataLength + " bytes: the output is corrupt.");
    }
    FileInputStream in = new FileInputStream(data);
    in.getChannel().position(start);
    return new BoundedInputStream(in, end - start);
  }

  /** Deletes the files of one map output. */
  public void removeDataByMap(int shuffleId, long mapId) {
    dataFile(shuffleId, mapId).delete();
    indexFile(shuffleId, mapId).delete();
  }

  private static long sum(long[] values) {
    long total = 0;
    for (long v : values) {
      total += v;
    }
    return total;
  }
}

package dev.ember.broadcast;

import dev.ember.EmberException;
import dev.ember.serializer.Serializer;
import dev.ember.storage.BlockId;
import dev.ember.storage.BlockManager;
import dev.ember.storage.BlockManagerMaster;
import dev.ember.storage.StorageLevel;
import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates broadcast variables on the driver and reads their values on executors. The driver serializes a
 * value with the data serializer, cuts the bytes into pieces ({@code spark.broadcast.blockSize}, 4 MB) and
 * stores them in its block manager; an executor fetches the pieces through its {@link BroadcastFetcher},
 * joins and deserializes them once, and keeps the value in its block manager for later tasks. The driver keeps
 * the value itself as its own copy (in memory, when it fits), so tasks that run in the driver's process, as in
 * local mode, read it without deserializing the pieces.
 */
public final class BroadcastManager {

  private static final Logger LOG = LoggerFactory.getLogger(BroadcastManager.class);

  private final BlockManager blockManager;
  private final Serializer serializer;
  private final BroadcastFetcher fetcher;
  private final BlockManagerMaster master;
  private final int pieceSize;
  private final AtomicLong nextId = new AtomicLong();
  /** The values of broadcasts made for tasks of this process only, never serialized ({@link #newLocalBroadcast}). */
  private final Map<Long, Object> localValues = new ConcurrentHashMap<>();

  /**
   * @param master the driver's registry, through which pieces and copies are removed; {@code null} on an
   *     executor, which only reads broadcasts
   * @param pieceSize the size of the pieces the serialized value is cut into
   */
  public BroadcastManager(BlockManager blockManager, Serializer serializer, BroadcastFetcher fetcher,
      BlockManagerMaster master, int pieceSize) {
    if (pieceSize <= 0) {
      throw new IllegalArgumentException("The broadcast block size must be positive, but is " + pieceSize + ".");
    }
    this.blockManager = blockManager;
    this.serializer = serializer;
    this.fetcher = fetcher;
    this.master = master;
    this.pieceSize = pieceSize;
  }

  /** Stores {@code value}'s pieces in the driver's block manager and returns its handle. Driver only. */
  public <T> Broadcast<T> newBroadcast(T value) {
    if (master == null) {
      throw new EmberException("BROADCAST_OUTSIDE_DRIVER", "Broadcast variables can only be created on the "
          + "driver, with EmberContext.broadcast.");
    }
    long id = nextId.getAndIncrement();
    ByteBuffer bytes = serializer.newInstance().serializeUnbounded(value);
    int total = bytes.remaining();
    int numPieces = Math.max(1, (total + pieceSize - 1) / pieceSize);
    for (int piece = 0; piece < numPieces; piece++) {
      ByteBuffer slice = bytes.duplicate();
      slice.position(bytes.position() + piece * pieceSize);
      slice.limit(Math.min(slice.position() + pieceSize, bytes.position() + total));
      BlockId.BroadcastBlockId pieceId = new BlockId.BroadcastBlockId(id, piece);
      if (!blockManager.putBytes(pieceId, slice, StorageLevel.MEMORY_AND_DISK_SER)) {
        throw new EmberException("BROADCAST_STORE_FAILED", "Could not store piece " + piece + " of broadcast " + id
            + " in the driver's block manager.");
      }
    }
    blockManager.putSingle(new BlockId.BroadcastBlockId(id, -1), value, StorageLevel.MEMORY_ONLY);
    LOG.debug("Broadcast {}: {} bytes in {} pieces", id, total, numPieces);
    return new Broadcast<>(id, numPieces, value);
  }

  /**
   * Holds {@code value} for tasks that run in this process and returns its handle, without serializing it:
   * for Ember's own operators in local mode, where every task runs in the driver's process and the value's
   * type is known to serialize. Driver only; a handle of such a broadcast read in another process fails.
   */
  public <T> Broadcast<T> newLocalBroadcast(T value) {
    if (master == null) {
      throw new EmberException("BROADCAST_OUTSIDE_DRIVER", "Broadcast variables can only be created on the "
          + "driver, with EmberContext.broadcast.");
    }
    long id = nextId.getAndIncrement();
    localValues.put(id, value);
    return new Broadcast<>(id, Broadcast.LOCAL_ONLY, value);
  }

  /**
   * The value of broadcast {@code id}: this executor's copy, or fetched from its pieces and then kept.
   *
   * @throws EmberException {@code BROADCAST_DESTROYED} if its pieces are gone
   */
  public Object readValue(long id, int numPieces) {
    if (numPieces == Broadcast.LOCAL_ONLY) {
      Object value = localValues.get(id);
      if (value == null) {
        throw new EmberException("BROADCAST_DESTROYED", "Broadcast(" + id + ") is gone: it was destroyed, or it "
            + "was made for the tasks of the driver's process only and read in another process.");
      }
      return value;
    }
    BlockId.BroadcastBlockId copyId = new BlockId.BroadcastBlockId(id, -1);
    synchronized (this) {
      Optional<Iterator<Object>> copy = blockManager.getLocalValues(copyId);
      if (copy.isPresent() && copy.get().hasNext()) {
        return copy.get().next();
      }
      byte[] all = fetchPieces(id, numPieces);
      Object value = serializer.newInstance().deserialize(ByteBuffer.wrap(all),
          Thread.currentThread().getContextClassLoader());
      blockManager.putSingle(copyId, value, StorageLevel.MEMORY_AND_DISK);
      return value;
    }
  }

  private byte[] fetchPieces(long id, int numPieces) {
    ByteBuffer[] pieces = new ByteBuffer[numPieces];
    int total = 0;
    for (int piece = 0; piece < numPieces; piece++) {
      int index = piece;
      BlockId.BroadcastBlockId pieceId = new BlockId.BroadcastBlockId(id, piece);
      Optional<ByteBuffer> local = blockManager.getLocalBytes(pieceId);
      pieces[piece] = local.or(() -> fetcher.fetchPiece(pieceId)).orElseThrow(() -> new EmberException(
          "BROADCAST_DESTROYED", "Failed to get piece " + index + " of Broadcast(" + id + "): it was destroyed "
          + "or its driver is gone. Do not destroy a broadcast variable while jobs still use it."));
      total += pieces[piece].remaining();
    }
    byte[] all = new byte[total];
    int offset = 0;
    for (ByteBuffer piece : pieces) {
      int length = piece.remaining();
      piece.duplicate().get(all, offset, length);
      offset += length;
    }
    return all;
  }

  /**
   * Removes the executors' copies of broadcast {@code id}; with {@code destroy}, also its pieces, so it can no
   * longer be read anywhere.
   */
  public void unpersist(long id, boolean destroy) {
    if (master == null) {
      throw new EmberException("BROADCAST_OUTSIDE_DRIVER", "Broadcast variables can only be unpersisted or "
          + "destroyed on the driver.");
    }
    if (destroy) {
      localValues.remove(id);
    }
    int removed = master.removeBroadcast(id, destroy);
    LOG.debug("Removed {} blocks of broadcast {}", removed, id);
  }
}

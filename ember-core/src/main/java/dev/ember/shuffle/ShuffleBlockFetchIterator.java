package dev.ember.shuffle;

import dev.ember.TaskContext;
import dev.ember.Tuple2;
import dev.ember.serializer.DeserializationStream;
import dev.ember.serializer.SerializationFailedException;
import dev.ember.serializer.SerializerInstance;
import dev.ember.serializer.SerializerManager;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Streams the records of a reduce task's shuffle blocks one block at a time: a block is opened only when the
 * previous one is exhausted, and read record by record, so no more than one block's buffers are held. Any
 * failure to open, decompress or deserialize a block becomes a {@link FetchFailedException} naming it, so the
 * scheduler reruns the map task that wrote it. Updates the task's shuffle-read metrics.
 */
final class ShuffleBlockFetchIterator implements Iterator<Tuple2<Object, Object>> {

  private final List<MapOutputLocation> blocks;
  private final ShuffleBlockClient client;
  private final SerializerManager streams;
  private final SerializerInstance serializer;
  private final TaskContext context;
  private final int shuffleId;
  private int nextBlock;
  private MapOutputLocation current;
  private DeserializationStream stream;
  private Object pendingKey;
  private boolean havePending;
  private long recordsInBlock;

  ShuffleBlockFetchIterator(List<MapOutputLocation> blocks, ShuffleBlockClient client, SerializerManager streams,
      SerializerInstance serializer, TaskContext context, int shuffleId) {
    this.blocks = blocks;
    this.client = client;
    this.streams = streams;
    this.serializer = serializer;
    this.context = context;
    this.shuffleId = shuffleId;
    context.addTaskCompletionListener(c -> closeCurrent());
  }

  @Override
  public boolean hasNext() {
    while (!havePending) {
      if (stream == null) {
        if (nextBlock == blocks.size()) {
          return false;
        }
        open(blocks.get(nextBlock++));
      }
      try {
        pendingKey = stream.readObject();
        havePending = true;
      } catch (dev.ember.serializer.EndOfStreamException e) {
        finishBlock();
      } catch (RuntimeException e) {
        throw fetchFailed(e);
      }
    }
    return true;
  }

  @Override
  public Tuple2<Object, Object> next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Object value;
    try {
      value = stream.readObject();
    } catch (RuntimeException e) {
      throw fetchFailed(e);
    }
    havePending = false;
    recordsInBlock++;
    Object key = pendingKey;
    pendingKey = null;
    return new Tuple2<>(key, value);
  }

  private void open(MapOutputLocation block) {
    current = block;
    recordsInBlock = 0;
    long start = System.nanoTime();
    try {
      InputStream raw = client.openBlock(block.location(), block.blockId());
      stream = serializer.deserializeStream(streams.wrapForShuffle(new BufferedInputStream(raw, 64 * 1024)));
    } catch (IOException | RuntimeException e) {
      throw fetchFailed(e);
    }
    context.taskMetrics().incShuffleRead(0, block.size(), (System.nanoTime() - start) / 1_000_000);
  }

  private void finishBlock() {
    context.taskMetrics().incShuffleRead(recordsInBlock, 0, 0);
    closeCurrent();
  }

  private void closeCurrent() {
    if (stream != null) {
      DeserializationStream closing = stream;
      stream = null;
      try {
        closing.close();
      } catch (UncheckedIOException | SerializationFailedException e) {
        // The block was read to its end or is abandoned; a failure to close loses nothing.
      }
    }
  }

  private FetchFailedException fetchFailed(Exception e) {
    if (e instanceof FetchFailedException already) {
      return already;
    }
    closeCurrent();
    MapOutputLocation block = current;
    return new FetchFailedException(block.location(), shuffleId, block.blockId().mapId(), block.mapIndex(),
        block.blockId().reduceId(), "Could not read shuffle block " + block.blockId().name() + " from "
        + block.location() + ": " + e, e);
  }
}

package dev.ember.shuffle;

import dev.ember.EmberEnv;
import dev.ember.ShuffleDependency;
import dev.ember.TaskContext;
import dev.ember.Tuple2;
import dev.ember.scheduler.MapStatus;
import dev.ember.util.collection.ExternalSorter;
import dev.ember.util.collection.SpillEnv;
import java.io.BufferedOutputStream;
import java.io.File;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;

/**
 * Writes a map task's records sorted by reduce partition into one data file and an index file, combining
 * values by key first when the shuffle asks for map-side combine. Sorting goes through an
 * {@link ExternalSorter}, so a map task larger than its memory spills and merges. Each partition's segment is
 * its own (compressed) serialized stream, readable without the others.
 */
final class SortShuffleWriter<K, V, C> implements ShuffleWriter<K, V> {

  private static final int FILE_BUFFER_SIZE = 64 * 1024;

  private final ShuffleDependency<K, V, C> dependency;
  private final long mapId;
  private final IndexShuffleBlockResolver resolver;
  private final SpillEnv env;
  private final TaskContext context;
  private long[] lengths;
  private File tempData;

  SortShuffleWriter(ShuffleDependency<K, V, C> dependency, long mapId, IndexShuffleBlockResolver resolver,
      SpillEnv env, TaskContext context) {
    this.dependency = dependency;
    this.mapId = mapId;
    this.resolver = resolver;
    this.env = env;
    this.context = context;
  }

  @SuppressWarnings("unchecked")
  @Override
  public void write(Iterator<? extends Tuple2<K, V>> records) {
    ExternalSorter<K, V, ?> sorter = dependency.mapSideCombine()
        ? new ExternalSorter<>(env, dependency.aggregator().orElseThrow(), dependency.partitioner(), null)
        : new ExternalSorter<K, V, V>(env, null, dependency.partitioner(), null);
    try {
      sorter.insertAll(records);
      long start = System.nanoTime();
      File data = resolver.dataFile(dependency.shuffleId(), mapId);
      tempData = new File(data.getPath() + "." + context.taskAttemptId() + ".tmp");
      ExternalSorter.WrittenPartitions written;
      try (CountingOutputStream out = new CountingOutputStream(new BufferedOutputStream(
          new FileOutputStream(tempData), FILE_BUFFER_SIZE))) {
        written = sorter.writePartitionedStream(out, stream -> env.serializerManager().wrapForShuffle(stream));
      } catch (IOException e) {
        throw new UncheckedIOException("Could not write shuffle output to " + tempData, e);
      }
      lengths = written.lengths();
      context.taskMetrics().incShuffleWrite(written.records(), tempData.length(), System.nanoTime() - start);
    } finally {
      sorter.cleanup();
    }
  }

  @Override
  public MapStatus stop(boolean success) {
    if (!success || lengths == null) {
      if (tempData != null) {
        tempData.delete();
      }
      return null;
    }
    long start = System.nanoTime();
    try {
      resolver.writeIndexFileAndCommit(dependency.shuffleId(), mapId, lengths, tempData);
    } catch (IOException e) {
      tempData.delete();
      throw new UncheckedIOException("Could not commit shuffle output of map " + mapId, e);
    }
    context.taskMetrics().incShuffleWrite(0, 0, System.nanoTime() - start);
    return new MapStatus(EmberEnv.get().blockManager().blockManagerId(), mapId, lengths);
  }

  /**
   * Counts the bytes written through it; closing it closes the file. Hands out a view whose close only
   * flushes, so each partition's stream can be closed (ending its compression frame) without closing the
   * file.
   */
  private static final class CountingOutputStream extends FilterOutputStream
      implements ExternalSorter.CountingSink {
    private long count;
    private final OutputStream nonClosing = new FilterOutputStream(this) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }

      @Override
      public void close() throws IOException {
        out.flush();
      }
    };

    CountingOutputStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count += len;
    }

    @Override
    public OutputStream stream() {
      return nonClosing;
    }

    @Override
    public long bytesWritten() {
      return count;
    }
  }
}

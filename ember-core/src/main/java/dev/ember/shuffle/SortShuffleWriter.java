package dev.ember.shuffle;

import dev.ember.Aggregator;
import dev.ember.EmberEnv;
import dev.ember.Partitioner;
import dev.ember.ShuffleDependency;
import dev.ember.TaskContext;
import dev.ember.Tuple2;
import dev.ember.rdd.UserFunctionException;
import dev.ember.scheduler.MapStatus;
import dev.ember.serializer.SerializationStream;
import dev.ember.serializer.Serializer;
import dev.ember.serializer.SerializerInstance;
import java.io.BufferedOutputStream;
import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes a map task's records grouped by reduce partition into one data file and an index file, combining
 * values by key first when the shuffle asks for map-side combine.
 */
final class SortShuffleWriter<K, V, C> implements ShuffleWriter<K, V> {

  private final ShuffleDependency<K, V, C> dependency;
  private final long mapId;
  private final IndexShuffleBlockResolver resolver;
  private final Serializer serializer;
  private final TaskContext context;
  private long[] lengths;
  private File tempData;

  SortShuffleWriter(ShuffleDependency<K, V, C> dependency, long mapId, IndexShuffleBlockResolver resolver,
      Serializer serializer, TaskContext context) {
    this.dependency = dependency;
    this.mapId = mapId;
    this.resolver = resolver;
    this.serializer = serializer;
    this.context = context;
  }

  @Override
  public void write(Iterator<? extends Tuple2<K, V>> records) {
    Partitioner partitioner = dependency.partitioner();
    int numPartitions = partitioner.numPartitions();
    List<List<Object[]>> buckets = new ArrayList<>(numPartitions);
    for (int i = 0; i < numPartitions; i++) {
      buckets.add(new ArrayList<>());
    }
    if (dependency.mapSideCombine()) {
      Aggregator<K, V, C> aggregator = dependency.aggregator().orElseThrow();
      Map<K, C> combined = new HashMap<>();
      try {
        while (records.hasNext()) {
          Tuple2<K, V> record = records.next();
          C existing = combined.get(record._1());
          combined.put(record._1(), existing == null && !combined.containsKey(record._1())
              ? aggregator.createCombiner().call(record._2())
              : aggregator.mergeValue().call(existing, record._2()));
        }
      } catch (Exception e) {
        throw UserFunctionException.wrap(e);
      }
      combined.forEach((k, c) -> buckets.get(partitioner.getPartition(k)).add(new Object[] {k, c}));
    } else {
      while (records.hasNext()) {
        Tuple2<K, V> record = records.next();
        buckets.get(partitioner.getPartition(record._1())).add(new Object[] {record._1(), record._2()});
      }
    }
    File data = resolver.dataFile(dependency.shuffleId(), mapId);
    tempData = new File(data.getPath() + "." + context.taskAttemptId() + ".tmp");
    lengths = new long[numPartitions];
    SerializerInstance instance = serializer.newInstance();
    try (CountingOutputStream out = new CountingOutputStream(new BufferedOutputStream(
        new FileOutputStream(tempData), 64 * 1024))) {
      for (int p = 0; p < numPartitions; p++) {
        List<Object[]> bucket = buckets.get(p);
        if (bucket.isEmpty()) {
          continue;
        }
        long before = out.count();
        SerializationStream stream = instance.serializeStream(new NonClosingOutputStream(out));
        for (Object[] pair : bucket) {
          stream.writeKeyValue(pair[0], pair[1]);
        }
        stream.close();
        out.flush();
        lengths[p] = out.count() - before;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write shuffle output to " + tempData, e);
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
    try {
      resolver.writeIndexFileAndCommit(dependency.shuffleId(), mapId, lengths, tempData);
    } catch (IOException e) {
      tempData.delete();
      throw new UncheckedIOException("Could not commit shuffle output of map " + mapId, e);
    }
    return new MapStatus(EmberEnv.get().blockManager().blockManagerId(), mapId, lengths);
  }

  /** Counts the bytes written through it. */
  private static final class CountingOutputStream extends java.io.FilterOutputStream {
    private long count;

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

    long count() {
      return count;
    }
  }

  /** Lets a serialization stream be closed without closing the file under it. */
  private static final class NonClosingOutputStream extends java.io.FilterOutputStream {
    NonClosingOutputStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      out.flush();
    }
  }
}

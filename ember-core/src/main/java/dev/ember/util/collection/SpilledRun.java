package dev.ember.util.collection;

import dev.ember.Tuple2;
import dev.ember.serializer.DeserializationStream;
import dev.ember.serializer.SerializationFailedException;
import dev.ember.serializer.SerializationStream;
import dev.ember.serializer.SerializerInstance;
import dev.ember.serializer.SerializerManager;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A sorted run written to a spill file: one serialized (and compressed) stream of keys and values ordered by
 * partition, with the number of records of each partition kept in memory so the run can be read back one
 * partition at a time.
 */
final class SpilledRun {

  private static final int BUFFER_SIZE = 64 * 1024;

  private final File file;
  private final long[] countsPerPartition;

  private SpilledRun(File file, long[] countsPerPartition) {
    this.file = file;
    this.countsPerPartition = countsPerPartition;
  }

  /** Writes {@code run} to {@code file}. */
  static SpilledRun write(SortedRun run, int numPartitions, File file, SerializerInstance serializer,
      SerializerManager streams) {
    try (SerializationStream out = serializer.serializeStream(streams.wrapForSpill(
        new BufferedOutputStream(new FileOutputStream(file), BUFFER_SIZE)))) {
      for (int i = 0; i < run.size(); i++) {
        out.writeKeyValue(run.keyAt(i), run.valueAt(i));
      }
    } catch (IOException e) {
      file.delete();
      throw new UncheckedIOException("Could not write spill file " + file, e);
    }
    return new SpilledRun(file, run.countsPerPartition(numPartitions));
  }

  File file() {
    return file;
  }

  long bytesOnDisk() {
    return file.length();
  }

  void delete() {
    file.delete();
  }

  /** Opens the file for one sequential pass over its partitions. */
  Reader open(SerializerInstance serializer, SerializerManager streams) {
    try {
      InputStream in = streams.wrapForSpill(new BufferedInputStream(new FileInputStream(file), BUFFER_SIZE));
      return new Reader(serializer.deserializeStream(in));
    } catch (IOException e) {
      throw new UncheckedIOException("Could not open spill file " + file, e);
    }
  }

  /** Reads partitions 0, 1, 2, ... in turn, skipping what the previous partition's reader left unread. */
  final class Reader {
    private final DeserializationStream stream;
    private int partition = -1;
    private long remaining;
    private boolean closed;

    private Reader(DeserializationStream stream) {
      this.stream = stream;
    }

    /** The records of {@code next}; partitions must be asked for in increasing order. */
    <K, V> Iterator<Tuple2<K, V>> partition(int next) {
      while (partition < next) {
        skipRemaining();
        partition++;
        remaining = partition < countsPerPartition.length ? countsPerPartition[partition] : 0;
      }
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          if (remaining == 0 && partition == countsPerPartition.length - 1) {
            close();
          }
          return partition == next && remaining > 0;
        }

        @Override
        public Tuple2<K, V> next() {
          if (!hasNext()) {
            throw new NoSuchElementException();
          }
          remaining--;
          K key = stream.readObject();
          V value = stream.readObject();
          return new Tuple2<>(key, value);
        }
      };
    }

    private void skipRemaining() {
      while (remaining > 0) {
        stream.readObject();
        stream.readObject();
        remaining--;
      }
    }

    void close() {
      if (!closed) {
        closed = true;
        try {
          stream.close();
        } catch (UncheckedIOException | SerializationFailedException e) {
          // Nothing useful to do: the file is deleted with the collection.
        }
      }
    }
  }
}

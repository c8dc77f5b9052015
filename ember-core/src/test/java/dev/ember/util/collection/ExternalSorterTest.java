package dev.ember.util.collection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.Aggregator;
import dev.ember.HashPartitioner;
import dev.ember.Tuple2;
import dev.ember.util.collection.SpillTestSupport.CollidingKey;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExternalSorterTest {

  @TempDir
  Path dir;

  private static List<Tuple2<Integer, String>> shuffledInts(int n, long seed) {
    List<Tuple2<Integer, String>> records = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      records.add(new Tuple2<>(i, "v" + i));
    }
    java.util.Collections.shuffle(records, new Random(seed));
    return records;
  }

  @Test
  void sortsOnePartitionAcrossForcedSpills() {
    try (SpillTestSupport task = new SpillTestSupport(dir, 64L << 20, 700)) {
      ExternalSorter<Integer, String, String> sorter =
          new ExternalSorter<>(task.env, null, null, Comparator.<Integer>naturalOrder());
      sorter.insertAll(shuffledInts(5000, 1).iterator());
      assertThat(sorter.numSpills()).isEqualTo(7);
      List<Integer> keys = new ArrayList<>();
      Iterator<Tuple2<Integer, String>> it = sorter.iterator();
      while (it.hasNext()) {
        Tuple2<Integer, String> record = it.next();
        assertThat(record._2()).isEqualTo("v" + record._1());
        keys.add(record._1());
      }
      assertThat(keys).hasSize(5000).isSorted();
      assertThat(keys.get(0)).isZero();
      assertThat(keys.get(4999)).isEqualTo(4999);
    }
  }

  @Test
  void groupsByPartitionThenSortsKeys() {
    try (SpillTestSupport task = new SpillTestSupport(dir, 64L << 20, 300)) {
      HashPartitioner partitioner = new HashPartitioner(3);
      ExternalSorter<Integer, String, String> sorter =
          new ExternalSorter<>(task.env, null, partitioner, Comparator.<Integer>reverseOrder());
      sorter.insertAll(shuffledInts(1000, 2).iterator());
      assertThat(sorter.numSpills()).isEqualTo(3);
      ExternalSorter.PartitionedReader<Integer, String> reader = sorter.partitionedReader();
      for (int p = 0; p < 3; p++) {
        List<Integer> keys = new ArrayList<>();
        reader.partition(p).forEachRemaining(r -> keys.add(r._1()));
        int partition = p;
        // Integers hash to themselves: partition p holds exactly the keys congruent to p mod 3.
        assertThat(keys).hasSize(p == 0 ? 334 : 333).allMatch(k -> k % 3 == partition)
            .isSortedAccordingTo(Comparator.reverseOrder());
      }
    }
  }

  @Test
  void combinesCollidingKeysPerPartitionAcrossSpills() {
    try (SpillTestSupport task = new SpillTestSupport(dir, 64L << 20, 150)) {
      Aggregator<CollidingKey, Integer, Integer> sum = new Aggregator<>(v -> v, Integer::sum, Integer::sum);
      ExternalSorter<CollidingKey, Integer, Integer> sorter =
          new ExternalSorter<>(task.env, sum, new HashPartitioner(2), null);
      List<Tuple2<CollidingKey, Integer>> records = new ArrayList<>();
      for (int round = 0; round < 6; round++) {
        for (int id = 0; id < 60; id++) {
          records.add(new Tuple2<>(new CollidingKey(id), 1));
        }
      }
      sorter.insertAll(records.iterator());
      assertThat(sorter.numSpills()).isEqualTo(2);
      ExternalSorter.PartitionedReader<CollidingKey, Integer> reader = sorter.partitionedReader();
      Map<CollidingKey, Integer> seen = new HashMap<>();
      for (int p = 0; p < 2; p++) {
        int partition = p;
        reader.partition(p).forEachRemaining(r -> {
          assertThat(r._1().hashCode() % 2).isEqualTo(partition);
          assertThat(seen.put(r._1(), r._2())).isNull();
        });
      }
      assertThat(seen).hasSize(60).allSatisfy((k, v) -> assertThat(v).isEqualTo(6));
    }
  }

  @Test
  void writesEachPartitionAsAnIndependentStream() throws IOException {
    try (SpillTestSupport task = new SpillTestSupport(dir, 64L << 20, 400)) {
      ExternalSorter<Integer, String, String> sorter =
          new ExternalSorter<>(task.env, null, new HashPartitioner(4), null);
      sorter.insertAll(shuffledInts(1000, 3).iterator());
      ByteArrayOutputStream file = new ByteArrayOutputStream();
      OutputStream nonClosing = new java.io.FilterOutputStream(file) {
        @Override
        public void write(byte[] b, int off, int len) {
          file.write(b, off, len);
        }

        @Override
        public void close() {}
      };
      ExternalSorter.WrittenPartitions written = sorter.writePartitionedStream(new ExternalSorter.CountingSink() {
        @Override
        public OutputStream stream() {
          return nonClosing;
        }

        @Override
        public long bytesWritten() {
          return file.size();
        }
      }, out -> task.env.serializerManager().wrapForShuffle(out));
      assertThat(written.records()).isEqualTo(1000);
      byte[] bytes = file.toByteArray();
      long offset = 0;
      for (int p = 0; p < 4; p++) {
        int length = (int) written.lengths()[p];
        Iterator<Object> records = task.env.serializer().newInstance().deserializeStream(
            task.env.serializerManager().wrapForShuffle(new ByteArrayInputStream(bytes, (int) offset, length)))
            .asIterator();
        int count = 0;
        while (records.hasNext()) {
          assertThat((Integer) records.next() % 4).isEqualTo(p);
          records.next();
          count++;
        }
        assertThat(count).isEqualTo(250);
        offset += length;
      }
      assertThat(offset).isEqualTo(bytes.length);
    }
  }
}

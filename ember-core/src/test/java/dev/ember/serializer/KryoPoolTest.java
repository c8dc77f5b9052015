package dev.ember.serializer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class KryoPoolTest {

  @Test
  void aReleasedKryoIsReusedAndKeepsWhatItLearned() {
    KryoPool pool = new KryoPool(true);
    EmberKryo first = pool.borrow();
    first.javaFallbackClasses.add(String.class);
    pool.release(first);
    assertThat(pool.idleCount()).isEqualTo(1);
    EmberKryo second = pool.borrow();
    assertThat(second).isSameAs(first);
    assertThat(second.javaFallbackClasses).contains(String.class);
    assertThat(pool.idleCount()).isZero();
  }

  @Test
  void borrowersAtTheSameTimeGetTheirOwnKryo() {
    KryoPool pool = new KryoPool(true);
    EmberKryo a = pool.borrow();
    EmberKryo b = pool.borrow();
    assertThat(a).isNotSameAs(b);
    pool.release(a);
    pool.release(b);
    assertThat(pool.idleCount()).isEqualTo(2);
  }

  @Test
  void kryosAreKeptPerContextClassLoader() throws Exception {
    KryoPool pool = new KryoPool(true);
    pool.release(pool.borrow());
    ClassLoader previous = Thread.currentThread().getContextClassLoader();
    try (URLClassLoader other = new URLClassLoader(new URL[0], previous)) {
      Thread.currentThread().setContextClassLoader(other);
      assertThat(pool.idleCount()).isZero();
      EmberKryo kryo = pool.borrow();
      assertThat(kryo.getClassLoader()).isSameAs(other);
      pool.release(kryo);
      assertThat(pool.idleCount()).isEqualTo(1);
    } finally {
      Thread.currentThread().setContextClassLoader(previous);
    }
    assertThat(pool.idleCount()).isEqualTo(1);
  }

  @Test
  void idleKryosAreBounded() {
    KryoPool pool = new KryoPool(false);
    EmberKryo[] borrowed = new EmberKryo[KryoPool.MAX_IDLE + 3];
    for (int i = 0; i < borrowed.length; i++) {
      borrowed[i] = pool.borrow();
    }
    for (EmberKryo kryo : borrowed) {
      pool.release(kryo);
    }
    assertThat(pool.idleCount()).isEqualTo(KryoPool.MAX_IDLE);
  }

  @Test
  void aStreamHoldsItsKryoUntilClosed() {
    KryoSerializer serializer = new KryoSerializer();
    SerializerInstance instance = serializer.newInstance();
    instance.serialize("warm"); // leaves one idle Kryo
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    SerializationStream out = instance.serializeStream(bytes);
    // The stream took the idle Kryo: a call meanwhile makes and returns another.
    assertThat(instance.<String>deserialize(instance.serialize("x"))).isEqualTo("x");
    out.writeObject(List.of(1, 2)).writeObject("three");
    out.close();
    out.close();
    assertThatThrownBy(() -> out.writeObject("late")).isInstanceOf(IllegalStateException.class);
    DeserializationStream in = instance.deserializeStream(new ByteArrayInputStream(bytes.toByteArray()));
    assertThat(in.<List<Integer>>readObject()).containsExactly(1, 2);
    assertThat(in.<String>readObject()).isEqualTo("three");
    in.close();
  }

  @Test
  void threadsSharingOneSerializerGetCorrectResults() throws Exception {
    KryoSerializer serializer = new KryoSerializer();
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results = new java.util.ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int seed = t;
        results.add(threads.submit(() -> {
          SerializerInstance instance = serializer.newInstance();
          for (int i = 0; i < 500; i++) {
            List<Object> value = List.of(seed, "v" + i, new long[] {i, seed});
            ByteBuffer bytes = instance.serialize(value);
            List<Object> back = instance.deserialize(bytes);
            if (!back.get(0).equals(seed) || !back.get(1).equals("v" + i) || ((long[]) back.get(2))[0] != i) {
              return false;
            }
          }
          return true;
        }));
      }
      for (Future<Boolean> result : results) {
        assertThat(result.get()).isTrue();
      }
    } finally {
      threads.shutdownNow();
    }
  }
}

package dev.ember.serializer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.Tuple2;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KryoSerializerTest {

  private final SerializerInstance kryo = new KryoSerializer().newInstance();

  record Point(int x, String label) {}

  /** No no-argument constructor, a final field, a self-reference. */
  static final class Node {
    final String name;
    Node next;

    Node(String name) {
      this.name = name;
    }
  }

  /** Custom Java serialization that Kryo's field copying would bypass: the count doubles on write. */
  static final class Custom implements Serializable {
    private static final long serialVersionUID = 1L;
    transient int count;

    Custom(int count) {
      this.count = count;
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
      out.writeInt(count * 2);
    }

    private void readObject(ObjectInputStream in) throws IOException {
      count = in.readInt() / 2 + 1;
    }
  }

  /** Kryo cannot write this class (its field's serializer throws), Java serialization can. */
  static final class KryoHostile implements Serializable {
    private static final long serialVersionUID = 1L;
    final Thread.State state = Thread.State.RUNNABLE;
    final Object poison = new NotKryoWritable();
  }

  /** Kryo's default serializer for this type fails when writing. */
  static final class NotKryoWritable implements Serializable {
    private static final long serialVersionUID = 1L;
    final java.util.concurrent.locks.ReentrantLock lock = new java.util.concurrent.locks.ReentrantLock();
    final java.util.concurrent.atomic.AtomicLong counter = new java.util.concurrent.atomic.AtomicLong(7);
  }

  private <T> T roundTrip(T value) {
    return kryo.deserialize(kryo.serialize(value));
  }

  @Test
  void roundTripsCommonTypes() {
    assertThat(roundTrip(new Tuple2<>("k", 42))).isEqualTo(new Tuple2<>("k", 42));
    assertThat((Object) roundTrip(7L)).isEqualTo(7L);
    assertThat((Object) roundTrip(3.5)).isEqualTo(3.5);
    assertThat((Object) roundTrip("héllo")).isEqualTo("héllo");
    assertThat((Object) roundTrip(null)).isNull();
    assertThat((int[]) roundTrip(new int[] {1, 2, 3})).containsExactly(1, 2, 3);
    assertThat((String[]) roundTrip(new String[] {"a", null})).containsExactly("a", null);
    assertThat((Object) roundTrip(new ArrayList<>(List.of(1, 2, 3)))).isEqualTo(List.of(1, 2, 3));
    Map<String, List<Integer>> map = new HashMap<>(Map.of("a", List.of(1), "b", Arrays.asList(2, 3)));
    assertThat((Object) roundTrip(map)).isEqualTo(map);
    assertThat(roundTrip(new Point(3, "p"))).isEqualTo(new Point(3, "p"));
  }

  @Test
  void keepsSharedAndCyclicReferences() {
    Node a = new Node("a");
    Node b = new Node("b");
    a.next = b;
    b.next = a;
    Node copy = roundTrip(a);
    assertThat(copy.name).isEqualTo("a");
    assertThat(copy.next.name).isEqualTo("b");
    assertThat(copy.next.next).isSameAs(copy);
  }

  @Test
  void stringsRepeatedInOneGraphAreWrittenAgainAndReadBackEqual() {
    String shared = new String("repeated");
    List<Object> twice = new ArrayList<>(Arrays.asList(shared, shared, new Point(1, shared)));
    List<Object> copy = roundTrip(twice);
    assertThat(copy).containsExactly("repeated", "repeated", new Point(1, "repeated"));
    // Other objects still keep their identity: the list twice in the outer list is one list read back.
    List<Object> inner = new ArrayList<>(List.of("x"));
    List<Object> outer = roundTrip(new ArrayList<>(Arrays.asList(inner, inner)));
    assertThat(outer.get(0)).isSameAs(outer.get(1));
    assertThat(new ImmutableAwareReferenceResolver().useReferences(String.class)).isFalse();
    assertThat(new ImmutableAwareReferenceResolver().useReferences(Point.class)).isTrue();
    assertThat(new ImmutableAwareReferenceResolver().useReferences(Integer.class)).isFalse();
  }

  @Test
  void honoursCustomJavaSerialization() {
    Custom copy = roundTrip(new Custom(5));
    assertThat(copy.count).isEqualTo(6);
  }

  @Test
  void fallsBackToJavaSerializationWhenKryoFails() {
    KryoHostile copy = roundTrip(new KryoHostile());
    assertThat(copy.state).isEqualTo(Thread.State.RUNNABLE);
    assertThat(((NotKryoWritable) copy.poison).counter.get()).isEqualTo(7);
    assertThat(((KryoSerializerInstance) kryo).fellBackToJava(KryoHostile.class)).isTrue();
  }

  @Test
  void lambdasFallBackToJavaSerialization() throws Exception {
    dev.ember.api.function.Function<Integer, Integer> plusOne = x -> x + 1;
    dev.ember.api.function.Function<Integer, Integer> copy = roundTrip(plusOne);
    assertThat(copy.call(1)).isEqualTo(2);
  }

  @Test
  void streamsManyRecordsAndSignalsTheEnd() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    SerializationStream out = kryo.serializeStream(bytes);
    for (int i = 0; i < 10_000; i++) {
      out.writeKeyValue("key" + i, i % 3 == 0 ? new KryoHostile() : new Point(i, null));
    }
    out.close();
    DeserializationStream in = kryo.deserializeStream(new ByteArrayInputStream(bytes.toByteArray()));
    for (int i = 0; i < 10_000; i++) {
      assertThat((String) in.readObject()).isEqualTo("key" + i);
      Object value = in.readObject();
      if (i % 3 == 0) {
        assertThat(value).isInstanceOf(KryoHostile.class);
      } else {
        assertThat(value).isEqualTo(new Point(i, null));
      }
    }
    assertThatThrownBy(in::readObject).isInstanceOf(EndOfStreamException.class);
  }

  @Test
  void emptyStreamEndsAtOnce() {
    DeserializationStream in = kryo.deserializeStream(new ByteArrayInputStream(new byte[0]));
    assertThat(in.asIterator().hasNext()).isFalse();
  }

  @Test
  void truncatedStreamFailsWithSerializationError() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    SerializationStream out = kryo.serializeStream(bytes);
    out.writeObject("a fairly long string that will be cut in the middle");
    out.close();
    byte[] cut = Arrays.copyOf(bytes.toByteArray(), 10);
    DeserializationStream in = kryo.deserializeStream(new ByteArrayInputStream(cut));
    assertThatThrownBy(in::readObject).isInstanceOf(SerializationFailedException.class);
  }
}

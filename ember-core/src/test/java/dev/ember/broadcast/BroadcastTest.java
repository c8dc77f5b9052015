package dev.ember.broadcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.EmberConf;
import dev.ember.EmberContext;
import dev.ember.EmberException;
import dev.ember.api.function.Function;
import dev.ember.storage.BlockId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BroadcastTest {

  private EmberContext sc;

  @BeforeEach
  void start() {
    sc = new EmberContext(new EmberConf(false).setMaster("local[2]").setAppName("BroadcastTest")
        .set("ember.broadcast.blockSize", "1m"));
  }

  @AfterEach
  void stop() {
    sc.stop();
  }

  @Test
  void tasksReadTheValue() {
    Broadcast<Map<Integer, String>> names = sc.broadcast(Map.of(1, "one", 2, "two", 3, "three"));
    List<String> result = sc.parallelize(List.of(1, 2, 3, 2), 2).map(x -> names.value().get(x)).collect();
    assertThat(result).containsExactly("one", "two", "three", "two");
    assertThat(names.value()).containsEntry(1, "one");
  }

  /** The driver's value, for tasks of this JVM to compare with what they read. */
  private static volatile Object driverValue;

  @Test
  void tasksOfTheDriversProcessReadTheDriversValueWithoutDeserializing() {
    java.util.ArrayList<String> value = new java.util.ArrayList<>(List.of("a", "b"));
    driverValue = value;
    Broadcast<java.util.ArrayList<String>> words = sc.broadcast(value);
    assertThat(sc.env().blockManager().contains(new BlockId.BroadcastBlockId(words.id(), -1))).isTrue();
    List<Boolean> same = sc.parallelize(List.of(1, 2), 2).map(x -> words.value() == driverValue).collect();
    assertThat(same).containsExactly(true, true);

    // Once the copy is dropped, tasks rebuild the value from the pieces: equal, but a new object.
    words.unpersist();
    List<String> rebuilt = sc.parallelize(List.of(0, 1), 2)
        .map(i -> (words.value() == driverValue ? "same:" : "copy:") + words.value().get(i)).collect();
    assertThat(rebuilt).containsExactly("copy:a", "copy:b");
  }

  @Test
  void anOperatorsBroadcastInLocalModeIsHandedToTasksWithoutPieces() {
    java.util.ArrayList<String> value = new java.util.ArrayList<>(List.of("x", "y"));
    driverValue = value;
    Broadcast<java.util.ArrayList<String>> words = sc.broadcastInternal(value);
    assertThat(sc.env().blockManager().blockIds()).noneMatch(
        b -> b instanceof BlockId.BroadcastBlockId piece && piece.broadcastId() == words.id());
    Function<Integer, String> read = i -> (words.value() == driverValue ? "same:" : "copy:") + words.value().get(i);
    assertThat(sc.parallelize(List.of(0, 1), 2).map(read).collect()).containsExactly("same:x", "same:y");
    words.unpersist();
    assertThat(sc.parallelize(List.of(1), 1).map(read).collect()).containsExactly("same:y");

    Broadcast<String> gone = sc.broadcastInternal("gone");
    Function<Integer, String> use = x -> gone.value() + x;
    sc.env().broadcastManager().unpersist(gone.id(), true); // as the cleaner does once the handle is collected
    assertThatThrownBy(() -> sc.parallelize(List.of(1), 1).map(use).collect())
        .isInstanceOf(EmberException.class).hasMessageContaining("Broadcast(" + gone.id() + ") is gone");
  }

  @Test
  void largeValueTravelsOnceNotInsideEachTask() {
    // Values alternating between both ends of the long range take eight bytes or more each in any encoding
    // (varints or offsets from a minimum): over 4 MB, so at least four 1 MB pieces.
    long[] big = new long[500_000];
    for (int i = 0; i < big.length; i++) {
      big[i] = i % 2 == 0 ? Long.MAX_VALUE - i : Long.MIN_VALUE + i;
    }
    Broadcast<long[]> table = sc.broadcast(big);
    Function<Integer, Long> lookup = i -> table.value()[i];
    int closureBytes = sc.env().closureSerializer().newInstance().serialize(lookup).remaining();
    assertThat(closureBytes).isLessThan(2_000);
    assertThat(sc.env().blockManager().contains(new BlockId.BroadcastBlockId(table.id(), 3))).isTrue();

    List<Long> values = sc.parallelize(List.of(0, 1, 499_999), 3).map(lookup).collect();
    assertThat(values).containsExactly(Long.MAX_VALUE, Long.MIN_VALUE + 1, Long.MIN_VALUE + 499_999);
    // The executor kept its deserialized copy next to the driver's pieces.
    assertThat(sc.env().blockManager().contains(new BlockId.BroadcastBlockId(table.id(), -1))).isTrue();

    table.unpersist();
    assertThat(sc.env().blockManager().contains(new BlockId.BroadcastBlockId(table.id(), -1))).isFalse();
    assertThat(sc.parallelize(List.of(7), 1).map(lookup).collect()).containsExactly(Long.MIN_VALUE + 7);
  }

  @Test
  void valueLargerThanTheSerializerBufferCapIsStillBroadcast() {
    sc.stop();
    sc = new EmberContext(new EmberConf(false).setMaster("local[2]").setAppName("BroadcastTest")
        .set("ember.broadcast.blockSize", "1m").set("spark.kryoserializer.buffer.max", "1m"));
    String[] words = new String[200_000];
    for (int i = 0; i < words.length; i++) {
      words[i] = "word-" + i;
    }
    // About 2 MB serialized: more than one record may take under spark.kryoserializer.buffer.max, in 1 MB pieces.
    Broadcast<String[]> table = sc.broadcast(words);
    assertThat(sc.env().blockManager().contains(new BlockId.BroadcastBlockId(table.id(), 1))).isTrue();
    List<String> values = sc.parallelize(List.of(0, 199_999), 2).map(i -> table.value()[i]).collect();
    assertThat(values).containsExactly("word-0", "word-199999");
  }

  @Test
  void destroyedBroadcastFailsClearly() {
    Broadcast<String> word = sc.broadcast("hello");
    word.destroy();
    assertThat(word.isValid()).isFalse();
    assertThat(sc.env().blockManager().blockIds()).isEmpty();
    assertThatThrownBy(word::value).isInstanceOf(EmberException.class)
        .hasMessageContaining("BROADCAST_DESTROYED").hasMessageContaining("Broadcast(" + word.id() + ")");
    assertThatThrownBy(() -> sc.parallelize(List.of(1), 1).map(x -> word.value() + x).collect())
        .isInstanceOf(EmberException.class).hasMessageContaining("after it was destroyed");
  }

  @Test
  void valueWhosePiecesAreGoneFailsInTheTask() {
    Broadcast<String> word = sc.broadcast("hello");
    Function<Integer, String> use = x -> word.value() + x;
    sc.env().blockManager().removeBroadcast(word.id(), true); // the pieces are lost
    assertThatThrownBy(() -> sc.parallelize(List.of(1), 1).map(use).collect())
        .isInstanceOf(EmberException.class).hasMessageContaining("Failed to get piece 0 of Broadcast");
  }
}

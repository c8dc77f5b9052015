package dev.ember.serializer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.EmberConf;
import dev.ember.EmberContext;
import dev.ember.EmberException;
import dev.ember.Partition;
import dev.ember.TaskContext;
import dev.ember.api.function.Function;
import dev.ember.rdd.RDD;
import java.io.Externalizable;
import java.io.IOException;
import java.io.ObjectInput;
import java.io.ObjectOutput;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class SerializationDebuggerTest {

  /** Stands for a connection or client that can never travel to an executor. */
  static final class Db {
    @Override
    public String toString() {
      return "Db";
    }
  }

  static final class Holder implements Serializable {
    private static final long serialVersionUID = 1L;
    final Db db = new Db();

    @Override
    public String toString() {
      return "Holder";
    }
  }

  static final class TransientHolder implements Serializable {
    private static final long serialVersionUID = 1L;
    final transient Db db = new Db();
    static final Db SHARED = new Db();
  }

  static final class CustomWriter implements Serializable {
    private static final long serialVersionUID = 1L;
    private final transient Object payload = new Db();

    private void writeObject(ObjectOutputStream out) throws IOException {
      out.writeObject(payload);
    }
  }

  static final class Replaced implements Serializable {
    private static final long serialVersionUID = 1L;

    private Object writeReplace() {
      return new Holder();
    }
  }

  public static final class External implements Externalizable {
    private static final long serialVersionUID = 1L;
    private Object inside = new Db();

    public External() {}

    @Override
    public void writeExternal(ObjectOutput out) throws IOException {
      out.writeObject(inside);
    }

    @Override
    public void readExternal(ObjectInput in) throws IOException, ClassNotFoundException {
      inside = in.readObject();
    }
  }

  @Test
  void namesTheFieldThatHoldsTheCulprit() {
    assertThat(SerializationDebugger.find(new Holder())).containsExactly(
        "object not serializable (class: " + Db.class.getName() + ", value: Db)",
        "field (class: " + Holder.class.getName() + ", name: db, type: class " + Db.class.getName() + ")",
        "object (class: " + Holder.class.getName() + ", value: Holder)");
  }

  @Test
  void serializableGraphsHaveNoCulprit() {
    ArrayList<Object> list = new ArrayList<>(List.of("a", 1, new int[] {1, 2}));
    list.add(list);
    assertThat(SerializationDebugger.find(list)).isEmpty();
    assertThat(SerializationDebugger.find(new TransientHolder())).isEmpty();
    assertThat(SerializationDebugger.find(null)).isEmpty();
  }

  @Test
  void looksIntoArraysCollectionsWriteObjectWriteReplaceAndExternalizable() {
    Object[] array = {"fine", new Db()};
    assertThat(SerializationDebugger.find(array)).startsWith(
        "object not serializable (class: " + Db.class.getName() + ", value: Db)", "element of array (index: 1)");

    List<String> inList = SerializationDebugger.find(new ArrayList<>(List.of(1, new Db())));
    assertThat(inList.get(0)).startsWith("object not serializable (class: " + Db.class.getName());
    assertThat(inList).contains("writeObject data (class: java.util.ArrayList)");

    assertThat(SerializationDebugger.find(new CustomWriter()))
        .contains("writeObject data (class: " + CustomWriter.class.getName() + ")");
    assertThat(SerializationDebugger.find(new Replaced()))
        .contains("writeReplace data (class: " + Holder.class.getName() + ")")
        .anyMatch(line -> line.contains("name: db"));
    assertThat(SerializationDebugger.find(new External()).get(0)).contains(Db.class.getName());
    assertThat(SerializationDebugger.find(new External())).anyMatch(l -> l.startsWith("externalizable object"));
  }

  @Test
  void followsTheCapturedArgumentsOfSerializableLambdas() {
    Holder holder = new Holder();
    Function<Integer, Integer> f = x -> x + holder.db.hashCode();
    List<String> path = SerializationDebugger.find(f);
    assertThat(path.get(0)).isEqualTo("object not serializable (class: " + Db.class.getName() + ", value: Db)");
    assertThat(path.get(1)).contains("name: db");
    assertThat(path).anyMatch(line -> line.startsWith("captured argument (index: 0, class: " + Holder.class.getName()));
    assertThat(path.get(path.size() - 2)).startsWith("writeReplace data (class: java.lang.invoke.SerializedLambda");
    assertThat(path.get(path.size() - 1)).startsWith("object (class: " + f.getClass().getName());
  }

  @Test
  void transformationCapturingAnUnserializableFieldFailsNamingIt() {
    try (EmberContext sc = new EmberContext(new EmberConf(false).setMaster("local[1]").setAppName("debugger"))) {
      Holder holder = new Holder();
      assertThatThrownBy(() -> sc.parallelize(List.of(1, 2)).map(x -> x + holder.db.hashCode()))
          .isInstanceOfSatisfying(EmberException.class,
              e -> assertThat(e.condition()).isEqualTo("TASK_NOT_SERIALIZABLE"))
          .hasMessageContaining("Serialization stack:")
          .hasMessageContaining("object not serializable (class: " + Db.class.getName())
          .hasMessageContaining("field (class: " + Holder.class.getName() + ", name: db");
    }
  }

  /** An RDD that (wrongly) keeps a connection in a field, so its stage cannot be serialized. */
  static final class ConnectedRDD extends RDD<Integer> {
    private static final long serialVersionUID = 1L;
    private final Db connection = new Db();

    ConnectedRDD(EmberContext context) {
      super(context, List.of());
    }

    @Override
    public Iterator<Integer> compute(Partition split, TaskContext context) {
      return List.of(connection.hashCode()).iterator();
    }

    @Override
    protected Partition[] getPartitions() {
      return new Partition[] {new OnlyPartition()};
    }
  }

  record OnlyPartition() implements Partition {
    @Override
    public int index() {
      return 0;
    }
  }

  @Test
  void stageWhoseRddCannotBeSerializedFailsTheJobNamingTheField() {
    try (EmberContext sc = new EmberContext(new EmberConf(false).setMaster("local[1]").setAppName("debugger"))) {
      assertThatThrownBy(() -> new ConnectedRDD(sc).count())
          .isInstanceOfSatisfying(EmberException.class, e -> assertThat(e.condition()).isEqualTo("JOB_ABORTED"))
          .hasMessageContaining("Task not serializable")
          .hasMessageContaining("field (class: " + ConnectedRDD.class.getName() + ", name: connection")
          .hasCauseInstanceOf(EmberException.class);
      assertThat(sc.parallelize(List.of(1, 2, 3), 2).count()).isEqualTo(3);
    }
  }

  @Test
  void unserializableDataInATaskFailsTheJobNamingIt() {
    try (EmberContext sc = new EmberContext(new EmberConf(false).setMaster("local[1]").setAppName("debugger"))) {
      assertThatThrownBy(() -> sc.parallelize(List.<Object>of(new Db()), 1).count())
          .isInstanceOf(EmberException.class)
          .hasMessageContaining("object not serializable (class: " + Db.class.getName());
      assertThat(sc.parallelize(List.of(1, 2, 3), 2).count()).isEqualTo(3);
    }
  }
}

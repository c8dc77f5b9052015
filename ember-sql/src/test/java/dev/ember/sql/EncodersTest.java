package dev.ember.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.Tuple2;
import dev.ember.Tuple3;
import dev.ember.sql.encoders.ExpressionEncoder;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.StructType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EncodersTest {

  private static EmberSession session;

  @BeforeAll
  static void start() {
    session = EmberSession.builder().master("local[2]").appName("EncodersTest").getOrCreate();
  }

  @AfterAll
  static void stop() {
    session.stop();
  }

  private static <T> List<T> roundTrip(List<T> values, Encoder<T> encoder) {
    return session.createDataset(values, encoder).collectAsList();
  }

  @Test
  void flatEncodersAreOneNullableValueColumn() {
    assertThat(Encoders.INT().schema()).isEqualTo(new StructType().add("value", DataTypes.IntegerType, true));
    assertThat(Encoders.STRING().schema().apply(0).dataType()).isEqualTo(DataTypes.StringType);
    assertThat(Encoders.DECIMAL().schema().apply(0).dataType()).isEqualTo(DataTypes.createDecimalType(38, 18));
    assertThat(Encoders.DATE().schema().apply(0).dataType()).isEqualTo(DataTypes.DateType);
    assertThat(Encoders.INSTANT().schema().apply(0).dataType()).isEqualTo(DataTypes.TimestampType);
    assertThat(Encoders.LONG().clsTag()).isEqualTo(Long.class);
  }

  @Test
  void primitivesRoundTripWithNulls() {
    assertThat(roundTrip(Arrays.asList(1, null, -3), Encoders.INT())).containsExactly(1, null, -3);
    assertThat(roundTrip(Arrays.asList(1L << 40, null), Encoders.LONG())).containsExactly(1L << 40, null);
    assertThat(roundTrip(Arrays.asList(0.5, null), Encoders.DOUBLE())).containsExactly(0.5, null);
    assertThat(roundTrip(Arrays.asList(1.25f, null), Encoders.FLOAT())).containsExactly(1.25f, null);
    assertThat(roundTrip(Arrays.asList((short) 7, null), Encoders.SHORT())).containsExactly((short) 7, null);
    assertThat(roundTrip(Arrays.asList((byte) -2, null), Encoders.BYTE())).containsExactly((byte) -2, null);
    assertThat(roundTrip(Arrays.asList(true, null, false), Encoders.BOOLEAN())).containsExactly(true, null, false);
    assertThat(roundTrip(Arrays.asList("a", null, ""), Encoders.STRING())).containsExactly("a", null, "");
  }

  @Test
  void decimalsComeBackWithScale18() {
    List<BigDecimal> back = roundTrip(Arrays.asList(new BigDecimal("1.5"), null), Encoders.DECIMAL());
    assertThat(back.get(0)).isEqualTo(new BigDecimal("1.500000000000000000"));
    assertThat(back.get(1)).isNull();
  }

  @Test
  void datesAndTimestampsRoundTrip() {
    assertThat(roundTrip(Arrays.asList(LocalDate.of(1999, 12, 31), null), Encoders.LOCALDATE()))
        .containsExactly(LocalDate.of(1999, 12, 31), null);
    java.sql.Date date = java.sql.Date.valueOf("2024-02-29");
    assertThat(roundTrip(Arrays.asList(date, null), Encoders.DATE())).containsExactly(date, null);
    Timestamp ts = Timestamp.valueOf("2024-01-02 03:04:05.123456");
    assertThat(roundTrip(Arrays.asList(ts, null), Encoders.TIMESTAMP())).containsExactly(ts, null);
    Instant instant = Instant.parse("2020-06-01T10:00:00.000001Z");
    assertThat(roundTrip(Arrays.asList(instant, null), Encoders.INSTANT())).containsExactly(instant, null);
  }

  @Test
  void beanColumnsAreSortedByNameAndPrimitivesAreNotNullable() {
    StructType schema = Encoders.bean(Person.class).schema();
    assertThat(schema.fieldNames()).containsExactly("age", "birthday", "name", "salary");
    assertThat(schema.apply(0).nullable()).isFalse();
    assertThat(schema.apply(0).dataType()).isEqualTo(DataTypes.IntegerType);
    assertThat(schema.apply(1).dataType()).isEqualTo(DataTypes.DateType);
    assertThat(schema.apply(3).dataType()).isEqualTo(DataTypes.LongType);
    assertThat(schema.apply(3).nullable()).isTrue();
  }

  @Test
  void beansRoundTripWithNullProperties() {
    List<Person> people = List.of(new Person("ann", 30, 100L, LocalDate.of(1990, 1, 2)),
        new Person(null, 0, null, null));
    assertThat(roundTrip(people, Encoders.bean(Person.class))).containsExactlyElementsOf(people);
    Dataset<Row> df = session.createDataFrame(people, Person.class);
    assertThat(df.columns()).containsExactly("age", "birthday", "name", "salary");
    assertThat(df.collectAsList()).containsExactly(RowFactory.create(30, LocalDate.of(1990, 1, 2), "ann", 100L),
        RowFactory.create(0, null, null, null));
  }

  @Test
  void tuplesAreColumnsUnderscoreOneTwoThree() {
    Encoder<Tuple2<String, Integer>> pairs = Encoders.tuple(Encoders.STRING(), Encoders.INT());
    assertThat(pairs.schema().fieldNames()).containsExactly("_1", "_2");
    assertThat(roundTrip(List.of(new Tuple2<>("a", 1), new Tuple2<>(null, null)), pairs))
        .containsExactly(new Tuple2<>("a", 1), new Tuple2<>(null, null));
    Encoder<Tuple3<Long, Boolean, LocalDate>> triples = Encoders.tuple(Encoders.LONG(), Encoders.BOOLEAN(),
        Encoders.LOCALDATE());
    assertThat(triples.schema().fieldNames()).containsExactly("_1", "_2", "_3");
    Tuple3<Long, Boolean, LocalDate> t = new Tuple3<>(5L, true, LocalDate.of(2000, 2, 29));
    assertThat(roundTrip(List.of(t), triples)).containsExactly(t);
  }

  @Test
  void encodersAreSerializableAndWorkAfterDeserialization() throws Exception {
    ExpressionEncoder<Person> encoder = ExpressionEncoder.of(Encoders.bean(Person.class));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(encoder);
    }
    @SuppressWarnings("unchecked")
    ExpressionEncoder<Person> copy = (ExpressionEncoder<Person>) new ObjectInputStream(
        new ByteArrayInputStream(bytes.toByteArray())).readObject();
    Person p = new Person("bob", 41, 7L, LocalDate.of(1983, 3, 4));
    assertThat(copy.fromRow(encoder.toRow(p))).isEqualTo(p);
    assertThat(encoder.toRow(p)).containsExactly(41, (int) LocalDate.of(1983, 3, 4).toEpochDay(), "bob", 7L);
  }

  @Test
  void nullInPrimitiveBeanPropertyFailsOnRead() {
    ExpressionEncoder<Person> encoder = ExpressionEncoder.of(Encoders.bean(Person.class));
    assertThatThrownBy(() -> encoder.fromRow(new Object[] {null, null, "x", null}))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("Null value appeared in non-nullable field")
        .hasMessageContaining("name: \"age\"");
  }

  /** A bean holding another bean, as a struct column. */
  public static class Team {
    private Person lead;

    public Person getLead() {
      return lead;
    }

    public void setLead(Person lead) {
      this.lead = lead;
    }
  }

  /** A bean with a property of a class no column can hold. */
  public static class Holder {
    private Thread thread;

    public Thread getThread() {
      return thread;
    }

    public void setThread(Thread thread) {
      this.thread = thread;
    }
  }

  @Test
  void nestedBeansAreStructColumnsAndOtherClassesAreNotFound() {
    Team team = new Team();
    team.setLead(new Person("ann", 41, null, LocalDate.of(1984, 2, 3)));
    Team back = roundTrip(List.of(team), Encoders.bean(Team.class)).get(0);
    assertThat(back.getLead().getName()).isEqualTo("ann");
    assertThat(back.getLead().getBirthday()).isEqualTo(LocalDate.of(1984, 2, 3));
    assertThat(Encoders.bean(Team.class).schema().apply(0).dataType())
        .isEqualTo(Encoders.bean(Person.class).schema());
    assertThatThrownBy(() -> Encoders.bean(Holder.class)).isInstanceOfSatisfying(AnalysisException.class, e -> {
      assertThat(e.getCondition()).isEqualTo("ENCODER_NOT_FOUND");
      assertThat(e.getMessageParameters()).isEqualTo(Map.of("typeName", "\"java.lang.Thread\""));
      assertThat(e.getMessage()).contains("- field (class: \"java.lang.Thread\", name: \"thread\")");
    });
  }
}

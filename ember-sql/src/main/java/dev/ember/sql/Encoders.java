package dev.ember.sql;

import dev.ember.sql.encoders.BeanEncoder;
import dev.ember.sql.encoders.ExpressionEncoder;
import dev.ember.sql.encoders.FlatEncoder;
import dev.ember.sql.encoders.SerializedEncoder;
import dev.ember.sql.encoders.TupleEncoder;
import dev.ember.sql.encoders.ValueType;
import dev.ember.sql.types.StructType;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Factories of {@link Encoder}s, as Spark's {@code Encoders}: flat values (one nullable column named
 * {@code value}), Java beans (one column per property, sorted by name), tuples (columns {@code _1},
 * {@code _2}, ...) and rows of a schema.
 *
 * <pre>{@code
 * Dataset<Integer> lengths = words.map((MapFunction<String, Integer>) String::length, Encoders.INT());
 * Dataset<Tuple2<String, Long>> pairs = df.as(Encoders.tuple(Encoders.STRING(), Encoders.LONG()));
 * }</pre>
 *
 * <p>Bean properties may be lists, arrays, maps and beans themselves (array, map and struct columns), tuple
 * elements beans or tuples (struct columns); {@code kryo} and {@code javaSerialization} hold any object as
 * the bytes of one binary column {@code value}.
 */
public final class Encoders {

  private Encoders() {}

  /** Nullable {@code java.lang.String} as string. */
  public static Encoder<String> STRING() {
    return new FlatEncoder<>(ValueType.STRING);
  }

  /** Nullable {@code java.lang.Integer} as int. */
  public static Encoder<Integer> INT() {
    return new FlatEncoder<>(ValueType.INT);
  }

  /** Nullable {@code java.lang.Long} as bigint. */
  public static Encoder<Long> LONG() {
    return new FlatEncoder<>(ValueType.LONG);
  }

  /** Nullable {@code java.lang.Double} as double. */
  public static Encoder<Double> DOUBLE() {
    return new FlatEncoder<>(ValueType.DOUBLE);
  }

  /** Nullable {@code java.lang.Float} as float. */
  public static Encoder<Float> FLOAT() {
    return new FlatEncoder<>(ValueType.FLOAT);
  }

  /** Nullable {@code java.lang.Short} as smallint. */
  public static Encoder<Short> SHORT() {
    return new FlatEncoder<>(ValueType.SHORT);
  }

  /** Nullable {@code java.lang.Byte} as tinyint. */
  public static Encoder<Byte> BYTE() {
    return new FlatEncoder<>(ValueType.BYTE);
  }

  /** Nullable {@code java.lang.Boolean} as boolean. */
  public static Encoder<Boolean> BOOLEAN() {
    return new FlatEncoder<>(ValueType.BOOLEAN);
  }

  /** Nullable {@code java.math.BigDecimal} as decimal(38,18). */
  public static Encoder<BigDecimal> DECIMAL() {
    return new FlatEncoder<>(ValueType.DECIMAL);
  }

  /** Nullable {@code java.sql.Date} as date. */
  public static Encoder<java.sql.Date> DATE() {
    return new FlatEncoder<>(ValueType.SQL_DATE);
  }

  /** Nullable {@code java.time.LocalDate} as date. */
  public static Encoder<LocalDate> LOCALDATE() {
    return new FlatEncoder<>(ValueType.LOCAL_DATE);
  }

  /** Nullable {@code java.sql.Timestamp} as timestamp. */
  public static Encoder<Timestamp> TIMESTAMP() {
    return new FlatEncoder<>(ValueType.TIMESTAMP);
  }

  /** Nullable {@code java.time.Instant} as timestamp. */
  public static Encoder<Instant> INSTANT() {
    return new FlatEncoder<>(ValueType.INSTANT);
  }

  /** Nullable {@code byte[]} as binary. */
  public static Encoder<byte[]> BINARY() {
    return new FlatEncoder<>(ValueType.BINARY);
  }

  /**
   * A Java bean: one column per property with a getter and a setter, sorted by name; primitive properties
   * are non-nullable; {@code byte[]} is binary, {@code List}s and arrays are arrays, {@code Map}s maps and
   * beans structs, to any depth. Properties of other classes fail with {@code ENCODER_NOT_FOUND} naming the
   * property's path.
   */
  public static <T> Encoder<T> bean(Class<T> beanClass) {
    return new BeanEncoder<>(beanClass);
  }

  /** Pairs, as columns {@code _1} and {@code _2} (struct columns for elements that are beans or tuples). */
  public static <A, B> Encoder<dev.ember.Tuple2<A, B>> tuple(Encoder<A> first, Encoder<B> second) {
    return new TupleEncoder<>(List.of(ExpressionEncoder.of(first), ExpressionEncoder.of(second)));
  }

  /** Triples, as columns {@code _1}, {@code _2} and {@code _3} (structs for beans and tuples). */
  public static <A, B, C> Encoder<dev.ember.Tuple3<A, B, C>> tuple(Encoder<A> first, Encoder<B> second,
      Encoder<C> third) {
    return new TupleEncoder<>(List.of(ExpressionEncoder.of(first), ExpressionEncoder.of(second),
        ExpressionEncoder.of(third)));
  }

  /** {@link Row}s of {@code schema} (Spark's {@code Encoders.row}). */
  public static Encoder<Row> row(StructType schema) {
    return new RowEncoder(schema);
  }

  /** Objects of {@code type} Java-serialized into one nullable binary column {@code value}. */
  public static <T> Encoder<T> javaSerialization(Class<T> type) {
    return new SerializedEncoder<>(type, false);
  }

  /** Objects of {@code type} serialized by Kryo (the core's configuration) into one binary column {@code value}. */
  public static <T> Encoder<T> kryo(Class<T> type) {
    return new SerializedEncoder<>(type, true);
  }
}

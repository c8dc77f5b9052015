package dev.ember.api.java;

import java.io.Serializable;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * A value that may be absent, like {@link java.util.Optional} but {@link Serializable}, so it can be a value
 * of an RDD: the outer joins return it for the side that may have no match. Mirrors Spark's
 * {@code org.apache.spark.api.java.Optional}, including its Guava-style aliases ({@code absent},
 * {@code fromNullable}, {@code or}).
 *
 * <pre>{@code
 * PairRDD<String, Tuple2<Integer, Optional<Long>>> joined = left.leftOuterJoin(right);
 * long total = joined.values().map(t -> t._2().orElse(0L)).reduce(Long::sum);
 * }</pre>
 *
 * @param <T> the type of the value
 */
public final class Optional<T> implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final Optional<?> EMPTY = new Optional<>(null);

  private final T value;

  private Optional(T value) {
    this.value = value;
  }

  /** An empty optional. */
  @SuppressWarnings("unchecked")
  public static <T> Optional<T> empty() {
    return (Optional<T>) EMPTY;
  }

  /** An empty optional; the same as {@link #empty()}. */
  public static <T> Optional<T> absent() {
    return empty();
  }

  /**
   * An optional holding {@code value}.
   *
   * @throws NullPointerException if {@code value} is null
   */
  public static <T> Optional<T> of(T value) {
    return new Optional<>(Objects.requireNonNull(value, "value is null"));
  }

  /** An optional holding {@code value}, or an empty one if {@code value} is null. */
  public static <T> Optional<T> ofNullable(T value) {
    return value == null ? empty() : new Optional<>(value);
  }

  /** The same as {@link #ofNullable}. */
  public static <T> Optional<T> fromNullable(T value) {
    return ofNullable(value);
  }

  /** Whether a value is present. */
  public boolean isPresent() {
    return value != null;
  }

  /** Whether no value is present. */
  public boolean isEmpty() {
    return value == null;
  }

  /**
   * The value.
   *
   * @throws NoSuchElementException if no value is present
   */
  public T get() {
    if (value == null) {
      throw new NoSuchElementException("No value present in an empty Optional");
    }
    return value;
  }

  /** The value if present, else {@code other}. */
  public T orElse(T other) {
    return value != null ? value : other;
  }

  /** The same as {@link #orElse}. */
  public T or(T other) {
    return orElse(other);
  }

  /** The value if present, else {@code null}. */
  public T orNull() {
    return value;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Optional<?> that && Objects.equals(value, that.value);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(value);
  }

  @Override
  public String toString() {
    return value == null ? "Optional.empty" : "Optional[" + value + "]";
  }

  /** Keeps the shared empty instance unique after deserialization. */
  private Object readResolve() {
    return value == null ? EMPTY : this;
  }
}

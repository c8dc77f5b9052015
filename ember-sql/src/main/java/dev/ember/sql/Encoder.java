package dev.ember.sql;

import dev.ember.sql.types.StructType;
import java.io.Serializable;

/**
 * Converts values of a Java type {@code T} to and from the rows of a Dataset, as Spark's {@code Encoder}
 * does. Get one from {@link Encoders}; the conversion itself happens on the executors, so an encoder is
 * serializable and holds only what the conversion needs (a class, field names, types).
 *
 * <pre>{@code
 * Dataset<Person> people = session.createDataset(list, Encoders.bean(Person.class));
 * }</pre>
 *
 * @param <T> the type of the values
 */
public interface Encoder<T> extends Serializable {

  /** The columns a value of {@code T} becomes. */
  StructType schema();

  /** The class of the values (Spark's {@code clsTag}). */
  Class<T> clsTag();
}

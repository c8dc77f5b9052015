package dev.ember.sql.encoders;

import dev.ember.sql.types.DataType;
import java.io.Serializable;

/**
 * How one Java value (a bean property, an array element, a tuple element, a map key or value) becomes the
 * internal value of one column or nested field and back, as the pieces of Spark's AgnosticEncoder tree. The
 * composite codecs ({@link ArrayCodec}, {@link MapCodec}, {@link EncoderCodec} of a bean or tuple) hold
 * their parts, so a bean's codecs describe its whole nested schema. Null passes through unchanged.
 */
public abstract class FieldCodec implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The SQL type of the column or field. */
  public abstract DataType dataType();

  /** Whether the value may be null (false only for Java primitives). */
  public abstract boolean nullable();

  /** The internal value of Java value {@code v} (not null). */
  protected abstract Object internal(Object v);

  /** The Java value of internal value {@code v} (not null). */
  protected abstract Object external(Object v);

  /** The internal value of {@code v}, null for null. */
  public final Object toInternal(Object v) {
    return v == null ? null : internal(v);
  }

  /** The Java value of internal {@code v}, null for NULL. */
  public final Object toExternal(Object v) {
    return v == null ? null : external(v);
  }
}

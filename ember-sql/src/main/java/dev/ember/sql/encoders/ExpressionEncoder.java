package dev.ember.sql.encoders;

import dev.ember.sql.AnalysisException;
import dev.ember.sql.Encoder;
import dev.ember.sql.types.StructType;

/**
 * The one implementation family of {@link Encoder}: turns a value into one row of internal values (the
 * representation of batches: Integer for int/short/byte, Double for double/float, days for dates,
 * microseconds for timestamps) and back. Instances are immutable and serializable; they run inside tasks.
 *
 * @param <T> the type of the values
 */
public abstract class ExpressionEncoder<T> implements Encoder<T> {

  private static final long serialVersionUID = 1L;

  /** The internal values of {@code value}'s columns, in schema order. */
  public abstract Object[] toRow(T value);

  /** The value the internal values {@code row} (in schema order) stand for. */
  public abstract T fromRow(Object[] row);

  /**
   * Whether a Dataset of this encoder binds its input columns by position (flat values and tuples, as
   * Spark's Scala tuples) rather than by name (beans).
   */
  public abstract boolean bindsByPosition();

  /** Whether the values are one column named {@code value} (strings, numbers, dates...). */
  public boolean isFlat() {
    return false;
  }

  /** The encoder behind {@code encoder}, which must come from {@code Encoders}. */
  public static <T> ExpressionEncoder<T> of(Encoder<T> encoder) {
    if (encoder instanceof ExpressionEncoder<T> expression) {
      return expression;
    }
    throw AnalysisException.unsupported("encoders not made by Encoders ("
        + (encoder == null ? "null" : encoder.getClass().getName()) + ")");
  }

  @Override
  public String toString() {
    StructType schema = schema();
    return "class[" + String.join(", ", schema.fieldList().stream()
        .map(f -> f.name() + "[" + f.dataType().simpleString() + "]").toList()) + "]";
  }
}

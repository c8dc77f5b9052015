package dev.ember.sql.encoders;

import dev.ember.sql.types.DataType;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The values of a whole encoder as one nested field: a struct of its columns for beans and tuples (held as
 * the list of their internal values), the single column itself for flat encoders (tuple elements that are
 * strings, numbers or serialized objects).
 */
final class EncoderCodec extends FieldCodec {

  private static final long serialVersionUID = 1L;
  private final ExpressionEncoder<Object> encoder;

  @SuppressWarnings("unchecked")
  EncoderCodec(ExpressionEncoder<?> encoder) {
    this.encoder = (ExpressionEncoder<Object>) java.util.Objects.requireNonNull(encoder, "encoder is null");
  }

  @Override
  public DataType dataType() {
    return encoder.isFlat() ? encoder.schema().apply(0).dataType() : encoder.schema();
  }

  @Override
  public boolean nullable() {
    return true;
  }

  @Override
  protected Object internal(Object v) {
    Object[] row = encoder.toRow(v);
    return encoder.isFlat() ? row[0] : Collections.unmodifiableList(Arrays.asList(row));
  }

  @Override
  protected Object external(Object v) {
    return encoder.fromRow(encoder.isFlat() ? new Object[] {v} : ((List<?>) v).toArray());
  }
}

package dev.ember.sql;

import dev.ember.sql.encoders.ExpressionEncoder;
import dev.ember.sql.types.StructType;
import java.util.List;

/** The encoder of a DataFrame: {@link Row}s of a given schema, with Java values as {@link Row} documents. */
final class RowEncoder extends ExpressionEncoder<Row> {

  private static final long serialVersionUID = 1L;
  private final StructType schema;

  RowEncoder(StructType schema) {
    this.schema = java.util.Objects.requireNonNull(schema, "schema is null");
  }

  @Override
  public StructType schema() {
    return schema;
  }

  @Override
  public Class<Row> clsTag() {
    return Row.class;
  }

  @Override
  public Object[] toRow(Row value) {
    List<Object> values = RowConversion.toInternal(value, schema);
    return values.toArray();
  }

  @Override
  public Row fromRow(Object[] row) {
    return RowConversion.toExternal(row, schema);
  }

  @Override
  public boolean bindsByPosition() {
    return true;
  }
}

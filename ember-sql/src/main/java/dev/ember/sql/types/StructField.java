package dev.ember.sql.types;

import java.io.Serializable;
import java.util.Objects;

/**
 * One named, typed field of a {@link StructType}.
 *
 * @param name the field name
 * @param dataType its type
 * @param nullable whether it may hold nulls
 */
public record StructField(String name, DataType dataType, boolean nullable) implements Serializable {

  /** Validates the field. */
  public StructField {
    Objects.requireNonNull(name, "name is null");
    Objects.requireNonNull(dataType, "dataType is null");
  }
}

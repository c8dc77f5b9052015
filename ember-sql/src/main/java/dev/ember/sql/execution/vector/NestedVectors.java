package dev.ember.sql.execution.vector;

import dev.ember.sql.types.ArrayType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.MapType;
import dev.ember.sql.types.StructType;

/** Allocates the vectors of arrays, maps, structs and binary values. */
final class NestedVectors {

  private NestedVectors() {}

  static ColumnVector allocate(DataType type, int capacity) {
    if (type instanceof ArrayType array) {
      return new ArrayColumnVector(array, capacity);
    }
    if (type instanceof MapType map) {
      return new MapColumnVector(map, capacity);
    }
    if (type instanceof StructType struct) {
      return new StructColumnVector(struct, capacity);
    }
    return new BinaryColumnVector(type, capacity);
  }
}

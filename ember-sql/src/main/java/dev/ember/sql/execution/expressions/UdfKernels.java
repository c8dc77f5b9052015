package dev.ember.sql.execution.expressions;

import dev.ember.EmberException;
import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.ColumnVectors;
import dev.ember.sql.plan.expressions.UserDefinedFunctionCall;
import dev.ember.sql.types.DataTypes;
import java.time.LocalDate;

/** Evaluates user-defined functions row by row, converting dates between internal days and LocalDate. */
final class UdfKernels {

  private UdfKernels() {}

  static ColumnVector apply(UserDefinedFunctionCall udf, ColumnVector[] arguments, int n) {
    ColumnVector out = ColumnVectors.allocate(udf.dataType(), n);
    Object[] values = new Object[arguments.length];
    for (int i = 0; i < n; i++) {
      for (int a = 0; a < arguments.length; a++) {
        Object v = arguments[a].getBoxed(i);
        values[a] = v != null && arguments[a].dataType() == DataTypes.DateType ? LocalDate.ofEpochDay((Integer) v) : v;
      }
      Object result;
      try {
        result = udf.invoke(values);
      } catch (Exception e) {
        throw new EmberException("FAILED_EXECUTE_UDF", "User defined function (" + udf.name() + ": ("
            + String.join(", ", udf.children().stream().map(c -> c.dataType().simpleString()).toList()) + ") => "
            + udf.dataType().simpleString() + ") failed due to: " + e, e);
      }
      if (result == null) {
        out.nulls[i] = true;
      } else {
        out.setBoxed(i, internal(result, udf));
      }
    }
    return out;
  }

  private static Object internal(Object result, UserDefinedFunctionCall udf) {
    if (result instanceof LocalDate date && udf.dataType() == DataTypes.DateType) {
      return (int) date.toEpochDay();
    }
    boolean ok = udf.dataType() == DataTypes.IntegerType && result instanceof Integer
        || udf.dataType() == DataTypes.LongType && result instanceof Long
        || udf.dataType() == DataTypes.DoubleType && result instanceof Double
        || udf.dataType() == DataTypes.StringType && result instanceof String
        || udf.dataType() == DataTypes.BooleanType && result instanceof Boolean;
    if (!ok) {
      throw new EmberException("FAILED_EXECUTE_UDF", "User defined function " + udf.name() + " returned "
          + result + " of type " + result.getClass().getName() + ", not of its declared type "
          + udf.dataType().simpleString());
    }
    return result;
  }
}

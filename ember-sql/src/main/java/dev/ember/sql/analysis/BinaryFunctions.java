package dev.ember.sql.analysis;

import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.types.DataTypes;
import java.util.Map;
import java.util.function.Function;

/** Spark's functions of binary values: {@code hex}, {@code unhex}, {@code base64}, {@code unbase64}. */
final class BinaryFunctions {

  private BinaryFunctions() {}

  static void register(Map<String, Function<FunctionArguments, Expression>> builders) {
    builders.put("hex", a -> {
      a.count(1, 1);
      Expression x = a.raw(0);
      if (x.dataType() == DataTypes.BinaryType) {
        return CollectionFunctions.fn("hex_binary", DataTypes.StringType, x);
      }
      if (DataTypes.isIntegral(x.dataType())) {
        return CollectionFunctions.fn("hex_long", DataTypes.StringType, a.as(0, DataTypes.LongType));
      }
      return CollectionFunctions.fn("hex_string", DataTypes.StringType, a.as(0, DataTypes.StringType));
    });
    builders.put("unhex", a -> CollectionFunctions.fn("unhex", DataTypes.BinaryType,
        a.count(1, 1).as(0, DataTypes.StringType)));
    builders.put("base64", a -> CollectionFunctions.fn("base64", DataTypes.StringType, binary(a.count(1, 1))));
    builders.put("unbase64", a -> CollectionFunctions.fn("unbase64", DataTypes.BinaryType,
        a.count(1, 1).as(0, DataTypes.StringType)));
  }

  private static Expression binary(FunctionArguments a) {
    if (a.raw(0).dataType() == DataTypes.BinaryType) {
      return a.raw(0);
    }
    return CollectionFunctions.fn("string_to_binary", DataTypes.BinaryType, a.as(0, DataTypes.StringType));
  }
}

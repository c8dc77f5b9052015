package dev.ember.sql.analysis;

import dev.ember.sql.AnalysisException;
import dev.ember.sql.plan.Aggregate;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.expressions.BinaryComparison;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.types.ArrayType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.MapType;
import dev.ember.sql.types.StructType;
import java.util.LinkedHashMap;
import java.util.Map;

/** Checks of nested types: maps, which have no order, cannot be grouped by or compared (Spark's CheckAnalysis). */
final class NestedTypeChecks {

  private NestedTypeChecks() {}

  /** GROUP_EXPRESSION_TYPE_IS_NOT_ORDERABLE when {@code plan} groups by a map (or a value holding one). */
  static void check(LogicalPlan plan) {
    for (Expression e : plan.expressions()) {
      e.exists(NestedTypeChecks::rejectMapComparison);
    }
    if (!(plan instanceof Aggregate aggregate)) {
      return;
    }
    for (Expression g : aggregate.grouping()) {
      if (holdsMap(g.dataType())) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("sqlExpr", "\"" + g.sql() + "\"");
        parameters.put("dataType", "\"" + g.dataType().sql() + "\"");
        throw new AnalysisException("GROUP_EXPRESSION_TYPE_IS_NOT_ORDERABLE", parameters);
      }
    }
  }

  /** DATATYPE_MISMATCH.INVALID_ORDERING_TYPE for a comparison of maps; false otherwise, to keep looking. */
  private static boolean rejectMapComparison(Expression e) {
    if (e instanceof BinaryComparison c && holdsMap(c.left().dataType())) {
      Map<String, String> parameters = new LinkedHashMap<>();
      parameters.put("sqlExpr", "\"" + c.sql() + "\"");
      parameters.put("functionName", "`" + c.operator().symbol() + "`");
      parameters.put("dataType", "\"" + c.left().dataType().sql() + "\"");
      throw new AnalysisException("DATATYPE_MISMATCH.INVALID_ORDERING_TYPE", parameters);
    }
    return false;
  }

  private static boolean holdsMap(DataType type) {
    if (type instanceof MapType) {
      return true;
    }
    if (type instanceof ArrayType array) {
      return holdsMap(array.elementType());
    }
    return type instanceof StructType struct && struct.fieldList().stream().anyMatch(f -> holdsMap(f.dataType()));
  }
}

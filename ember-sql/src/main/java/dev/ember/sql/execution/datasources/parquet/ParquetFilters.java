package dev.ember.sql.execution.datasources.parquet;

import dev.ember.sql.execution.datasources.SourceFilter;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.DecimalType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.parquet.filter2.predicate.FilterApi;
import org.apache.parquet.filter2.predicate.FilterPredicate;
import org.apache.parquet.filter2.predicate.Operators;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;

/**
 * Translates pushed filters into parquet-java's {@link FilterPredicate}s, which let the reader skip row groups
 * by their min/max statistics and dictionaries. Only columns whose statistics order values as Ember does are
 * translated (see {@link #matches}), with values converted to their stored form (decimals to unscaled
 * integers, timestamps to the column's unit) only when exact; of an AND, the translatable side is kept, since
 * skipping on part of a conjunction is safe.
 */
final class ParquetFilters {

  private ParquetFilters() {}

  /** The conjunction of the translatable filters, if any. */
  static Optional<FilterPredicate> toPredicate(List<SourceFilter> filters, MessageType fileSchema) {
    FilterPredicate result = null;
    for (SourceFilter filter : filters) {
      FilterPredicate p = convert(filter, fileSchema, true);
      if (p != null) {
        result = result == null ? p : FilterApi.and(result, p);
      }
    }
    return Optional.ofNullable(result);
  }

  private static FilterPredicate convert(SourceFilter filter, MessageType schema, boolean canDropConjuncts) {
    if (filter instanceof SourceFilter.And and) {
      FilterPredicate left = convert(and.left(), schema, canDropConjuncts);
      FilterPredicate right = convert(and.right(), schema, canDropConjuncts);
      if (left != null && right != null) {
        return FilterApi.and(left, right);
      }
      return canDropConjuncts ? (left != null ? left : right) : null;
    }
    if (filter instanceof SourceFilter.Or or) {
      FilterPredicate left = convert(or.left(), schema, false);
      FilterPredicate right = convert(or.right(), schema, false);
      return left != null && right != null ? FilterApi.or(left, right) : null;
    }
    if (filter instanceof SourceFilter.Not not) {
      FilterPredicate child = convert(not.child(), schema, false);
      return child == null ? null : FilterApi.not(child);
    }
    String name = filter.references().get(0);
    PrimitiveType column = primitiveType(schema, name);
    if (column == null || name.contains(".")) {
      return null;
    }
    PrimitiveTypeName physical = column.getPrimitiveTypeName();
    if (filter instanceof SourceFilter.IsNull) {
      return nullTest(name, physical, true);
    }
    if (filter instanceof SourceFilter.IsNotNull) {
      return nullTest(name, physical, false);
    }
    if (filter instanceof SourceFilter.Compare compare) {
      return compare(compare, column);
    }
    if (filter instanceof SourceFilter.In in) {
      return in(in, column);
    }
    return null;
  }

  private static PrimitiveType primitiveType(MessageType schema, String name) {
    if (!schema.containsField(name)) {
      return null;
    }
    Type type = schema.getType(name);
    return type.isPrimitive() && type.getRepetition() != Type.Repetition.REPEATED ? type.asPrimitiveType() : null;
  }

  /**
   * Whether values of {@code type} compare in the column's statistics as their translation does: plain and
   * signed integers, dates, decimals on INT32/INT64 (their statistics order the unscaled values, which order
   * the decimals of one scale), timestamps on INT64, floats, doubles, strings and booleans. Byte-array decimals,
   * INT96 timestamps and unsigned integers are not pushed: their statistics order differs or is undefined.
   */
  private static boolean matches(DataType type, PrimitiveType column) {
    LogicalTypeAnnotation logical = column.getLogicalTypeAnnotation();
    if (logical instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation integer && !integer.isSigned()) {
      return false;
    }
    return switch (column.getPrimitiveTypeName()) {
      case INT32 -> type == DataTypes.IntegerType || type == DataTypes.DateType || type == DataTypes.ByteType
          || type == DataTypes.ShortType || type instanceof DecimalType;
      case INT64 -> type == DataTypes.LongType || type instanceof DecimalType || type == DataTypes.TimestampType
          || type == DataTypes.TimestampNTZType;
      case FLOAT -> type == DataTypes.FloatType;
      case DOUBLE -> type == DataTypes.DoubleType;
      case BINARY -> type == DataTypes.StringType;
      case BOOLEAN -> type == DataTypes.BooleanType;
      default -> false;
    };
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Operators.Column column(String name, PrimitiveTypeName physical) {
    return switch (physical) {
      case INT32 -> FilterApi.intColumn(name);
      case INT64 -> FilterApi.longColumn(name);
      case DOUBLE -> FilterApi.doubleColumn(name);
      case FLOAT -> FilterApi.floatColumn(name);
      case BINARY -> FilterApi.binaryColumn(name);
      case BOOLEAN -> FilterApi.booleanColumn(name);
      default -> null;
    };
  }

  /**
   * {@code v} as the column stores it, or null when it has no exact stored form (a decimal that would need
   * rounding or overflows, a timestamp between two milliseconds): then the filter is not pushed.
   */
  private static Comparable<?> value(Object v, PrimitiveType column) {
    PrimitiveTypeName physical = column.getPrimitiveTypeName();
    if (physical == PrimitiveTypeName.BINARY) {
      return Binary.fromString((String) v);
    }
    if (physical == PrimitiveTypeName.FLOAT) {
      return ((Double) v).floatValue();
    }
    LogicalTypeAnnotation logical = column.getLogicalTypeAnnotation();
    if (v instanceof BigDecimal decimal
        && logical instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation annotation) {
      try {
        BigInteger unscaled = decimal.setScale(annotation.getScale(), RoundingMode.UNNECESSARY).unscaledValue();
        return physical == PrimitiveTypeName.INT32 ? (Comparable<?>) unscaled.intValueExact()
            : (Comparable<?>) unscaled.longValueExact();
      } catch (ArithmeticException e) {
        return null;
      }
    }
    if (v instanceof Long micros && logical instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation) {
      long factor = ParquetSchemas.microsFactor(column);
      if (factor > 1) {
        return micros % factor == 0 ? (Comparable<?>) (micros / factor) : null;
      }
      return factor < 0 ? (Comparable<?>) Math.multiplyExact(micros, -factor) : micros;
    }
    return (Comparable<?>) v;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static FilterPredicate nullTest(String name, PrimitiveTypeName physical, boolean isNull) {
    Operators.Column column = column(name, physical);
    if (column == null) {
      return null;
    }
    return isNull ? FilterApi.eq((Operators.Column & Operators.SupportsEqNotEq) column, null)
        : FilterApi.notEq((Operators.Column & Operators.SupportsEqNotEq) column, null);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static FilterPredicate compare(SourceFilter.Compare compare, PrimitiveType type) {
    PrimitiveTypeName physical = type.getPrimitiveTypeName();
    if (!matches(compare.type(), type)) {
      return null;
    }
    Operators.Column column = column(compare.column(), physical);
    Comparable value = compare.value() == null ? null : value(compare.value(), type);
    if (value == null && compare.value() != null) {
      return null;
    }
    if (physical == PrimitiveTypeName.BOOLEAN) {
      return switch (compare.comparison()) {
        case EqualTo, EqualNullSafe -> FilterApi.eq((Operators.BooleanColumn) column, (Boolean) value);
        default -> null;
      };
    }
    Operators.Column ordered = column;
    return switch (compare.comparison()) {
      case EqualTo, EqualNullSafe -> FilterApi.eq((Operators.Column & Operators.SupportsEqNotEq) ordered, value);
      case GreaterThan -> FilterApi.gt((Operators.Column & Operators.SupportsLtGt) ordered, value);
      case GreaterThanOrEqual -> FilterApi.gtEq((Operators.Column & Operators.SupportsLtGt) ordered, value);
      case LessThan -> FilterApi.lt((Operators.Column & Operators.SupportsLtGt) ordered, value);
      case LessThanOrEqual -> FilterApi.ltEq((Operators.Column & Operators.SupportsLtGt) ordered, value);
    };
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static FilterPredicate in(SourceFilter.In in, PrimitiveType type) {
    PrimitiveTypeName physical = type.getPrimitiveTypeName();
    if (!matches(in.type(), type) || physical == PrimitiveTypeName.BOOLEAN) {
      return null;
    }
    Set values = new HashSet<>();
    for (Object v : in.values()) {
      Comparable<?> stored = v == null ? null : value(v, type);
      if (stored == null) {
        return null;
      }
      values.add(stored);
    }
    return FilterApi.in((Operators.Column & Operators.SupportsEqNotEq) column(in.column(), physical), values);
  }
}

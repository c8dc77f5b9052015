package dev.ember.sql.execution.datasources.parquet;

import dev.ember.sql.execution.datasources.SourceFilter;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.parquet.filter2.predicate.FilterApi;
import org.apache.parquet.filter2.predicate.FilterPredicate;
import org.apache.parquet.filter2.predicate.Operators;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;

/**
 * Translates pushed filters into parquet-java's {@link FilterPredicate}s, which let the reader skip row groups
 * by their min/max statistics and dictionaries. Only columns whose Parquet physical type matches the filter's
 * value exactly are translated (int/date on INT32, bigint on INT64, double on DOUBLE, string on BINARY,
 * boolean equality); of an AND, the translatable side is kept, since skipping on part of a conjunction is safe.
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
    PrimitiveTypeName physical = physicalType(schema, name);
    if (physical == null || name.contains(".")) {
      return null;
    }
    if (filter instanceof SourceFilter.IsNull) {
      return nullTest(name, physical, true);
    }
    if (filter instanceof SourceFilter.IsNotNull) {
      return nullTest(name, physical, false);
    }
    if (filter instanceof SourceFilter.Compare compare) {
      return compare(compare, physical);
    }
    if (filter instanceof SourceFilter.In in) {
      return in(in, physical);
    }
    return null;
  }

  private static PrimitiveTypeName physicalType(MessageType schema, String name) {
    if (!schema.containsField(name)) {
      return null;
    }
    Type type = schema.getType(name);
    return type.isPrimitive() && type.getRepetition() != Type.Repetition.REPEATED
        ? type.asPrimitiveType().getPrimitiveTypeName() : null;
  }

  private static boolean matches(DataType type, PrimitiveTypeName physical) {
    return switch (physical) {
      case INT32 -> type == DataTypes.IntegerType || type == DataTypes.DateType;
      case INT64 -> type == DataTypes.LongType;
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
      case BINARY -> FilterApi.binaryColumn(name);
      case BOOLEAN -> FilterApi.booleanColumn(name);
      default -> null;
    };
  }

  private static Comparable<?> value(Object v, PrimitiveTypeName physical) {
    return physical == PrimitiveTypeName.BINARY ? Binary.fromString((String) v) : (Comparable<?>) v;
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
  private static FilterPredicate compare(SourceFilter.Compare compare, PrimitiveTypeName physical) {
    if (!matches(compare.type(), physical)) {
      return null;
    }
    Operators.Column column = column(compare.column(), physical);
    Comparable value = compare.value() == null ? null : value(compare.value(), physical);
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
  private static FilterPredicate in(SourceFilter.In in, PrimitiveTypeName physical) {
    if (!matches(in.type(), physical) || physical == PrimitiveTypeName.BOOLEAN) {
      return null;
    }
    Set values = new HashSet<>();
    for (Object v : in.values()) {
      values.add(value(v, physical));
    }
    return FilterApi.in((Operators.Column & Operators.SupportsEqNotEq) column(in.column(), physical), values);
  }
}

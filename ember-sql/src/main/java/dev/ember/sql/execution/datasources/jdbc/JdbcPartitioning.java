package dev.ember.sql.execution.datasources.jdbc;

import dev.ember.sql.AnalysisException;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.StructType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WHERE clause of each partition of a partitioned JDBC read, as Spark's {@code JDBCRelation.columnPartition}
 * computes them: {@code numPartitions} strides of {@code (upperBound - lowerBound) / numPartitions} over the
 * partition column, the first partition also taking values below the lower bound and NULLs, the last those
 * above the upper bound. The bounds only choose the strides; they filter nothing.
 */
public final class JdbcPartitioning {

  private static final Logger LOG = LoggerFactory.getLogger(JdbcPartitioning.class);

  private JdbcPartitioning() {}

  /** The WHERE clauses ("" for none) of the partitions {@code options} ask for over {@code schema}. */
  public static List<String> whereClauses(JdbcOptions options, StructType schema) {
    String column = options.get("partitioncolumn");
    List<String> bounds = Arrays.asList(options.get("lowerbound"), options.get("upperbound"),
        options.get("numpartitions"));
    if (column == null) {
      if (bounds.get(0) != null || bounds.get(1) != null) {
        throw new IllegalArgumentException("When reading JDBC data sources, users need to specify all or none for "
            + "the following options: 'partitionColumn', 'lowerBound', 'upperBound', and 'numPartitions'");
      }
      return List.of("");
    }
    if (bounds.contains(null)) {
      throw new IllegalArgumentException("When reading JDBC data sources, users need to specify all or none for "
          + "the following options: 'partitionColumn', 'lowerBound', 'upperBound', and 'numPartitions'");
    }
    int index = schema.fieldIndexOrMinusOne(column);
    if (index < 0) {
      throw new AnalysisException("UNRESOLVED_COLUMN.WITH_SUGGESTION", Map.of("objectName", "`" + column + "`",
          "proposal", String.join(", ", Arrays.stream(schema.fieldNames()).map(n -> "`" + n + "`").toList())));
    }
    DataType type = schema.apply(index).dataType();
    if (!(type == DataTypes.IntegerType || type == DataTypes.LongType || type == DataTypes.ShortType
        || type == DataTypes.ByteType)) {
      throw AnalysisException.unsupported("a JDBC partition column of type " + type.sql()
          + " (integral columns only)");
    }
    long lower = parseLong(bounds.get(0), "lowerBound");
    long upper = parseLong(bounds.get(1), "upperBound");
    int requested = options.getInt("numpartitions", 1);
    return columnPartition(JdbcUtils.quote(schema.apply(index).name()), lower, upper, requested);
  }

  /** Spark's stride computation over the quoted {@code column}. */
  static List<String> columnPartition(String column, long lower, long upper, int requested) {
    if (requested <= 1 || lower == upper) {
      return List.of("");
    }
    if (lower > upper) {
      throw new IllegalArgumentException("Operation not allowed: the lower bound of partitioning column is larger "
          + "than the upper bound. Lower bound: " + lower + "; Upper bound: " + upper);
    }
    int partitions = upper - lower >= requested || upper - lower < 0 ? requested : (int) (upper - lower);
    if (partitions != requested) {
      LOG.warn("The number of partitions is reduced because the specified number of partitions is less than the "
          + "difference between upper bound and lower bound. Updated number of partitions: {}; Input number of "
          + "partitions: {}; Lower bound: {}; Upper bound: {}.", partitions, requested, lower, upper);
    }
    long stride = upper / partitions - lower / partitions;
    List<String> clauses = new ArrayList<>();
    long current = lower;
    for (int i = 0; i < partitions; i++) {
      String lowerClause = i != 0 ? column + " >= " + current : null;
      current += stride;
      String upperClause = i != partitions - 1 ? column + " < " + current : null;
      clauses.add(upperClause == null ? lowerClause : lowerClause == null ? upperClause + " or " + column
          + " is null" : lowerClause + " AND " + upperClause);
    }
    return clauses;
  }

  private static long parseLong(String value, String name) {
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Invalid value `" + value + "` for parameter `" + name + "`.", e);
    }
  }
}

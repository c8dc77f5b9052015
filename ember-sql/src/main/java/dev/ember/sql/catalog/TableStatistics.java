package dev.ember.sql.catalog;

import dev.ember.sql.plan.stats.ColumnStat;
import dev.ember.sql.plan.stats.RelationStatistics;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A persistent table's statistics as ANALYZE TABLE computed them (Spark's {@code CatalogStatistics}): the data
 * files' bytes, the row count unless NOSCAN, and per-column statistics for the columns analyzed.
 *
 * @param sizeInBytes the total bytes of the table's data files
 * @param rowCount the number of rows, or {@code null} when not counted (NOSCAN)
 * @param columns statistics by lower-case column name
 */
public record TableStatistics(long sizeInBytes, Long rowCount, Map<String, ColumnStatistics> columns) {

  /** Copies the column statistics, sorted by name. */
  public TableStatistics {
    columns = Map.copyOf(new TreeMap<>(columns));
  }

  /** What DESCRIBE EXTENDED prints: {@code 1234 bytes, 10 rows}, as Spark. */
  public String simpleString() {
    return sizeInBytes + " bytes" + (rowCount == null ? "" : ", " + rowCount + " rows");
  }

  /**
   * These statistics as the optimizer's estimator reads them: min and max of numeric and date columns
   * (of {@code schema}) as doubles, dates as days since the epoch.
   */
  public RelationStatistics toRelationStatistics(StructType schema) {
    Map<String, ColumnStat> result = new HashMap<>();
    for (StructField field : schema) {
      ColumnStatistics stats = columns.get(field.name().toLowerCase(Locale.ROOT));
      if (stats != null) {
        result.put(field.name().toLowerCase(Locale.ROOT), new ColumnStat(stats.distinctCount(),
            number(stats.min(), field.dataType()), number(stats.max(), field.dataType()), stats.nullCount()));
      }
    }
    return new RelationStatistics(rowCount, result);
  }

  private static Double number(String value, DataType type) {
    if (value == null) {
      return null;
    }
    try {
      if (type == DataTypes.DateType) {
        return (double) LocalDate.parse(value).toEpochDay();
      }
      return type.isNumeric() ? Double.valueOf(value) : null;
    } catch (RuntimeException e) {
      return null;
    }
  }

  /**
   * The statistics of one column (Spark's {@code CatalogColumnStat}); min and max are kept as strings (cast
   * from the column's type), and not at all for strings, as Spark.
   *
   * @param distinctCount the estimated number of distinct non-NULL values (HyperLogLog++, as Spark)
   * @param min the smallest value, or {@code null}
   * @param max the largest value, or {@code null}
   * @param nullCount the number of NULLs
   */
  public record ColumnStatistics(long distinctCount, String min, String max, long nullCount) {}
}

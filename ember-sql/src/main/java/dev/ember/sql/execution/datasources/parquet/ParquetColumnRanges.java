package dev.ember.sql.execution.datasources.parquet;

import dev.ember.sql.execution.datasources.FileRelation;
import dev.ember.sql.execution.joinfilter.ColumnRange;
import dev.ember.sql.plan.FileColumnStatistics;
import dev.ember.sql.plan.FileStatistics;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;

/**
 * The [min, max] of an integral column over all the row groups of a Parquet relation's files, with the files'
 * row count: what a runtime join filter compares its keys with to judge how selective it is. Taken from the
 * footer statistics the planner already reads once per file listing ({@link ParquetFileStatistics}); only
 * columns whose statistics order values as Ember does (signed integers and dates), none when a row group
 * lacks statistics.
 */
public final class ParquetColumnRanges {

  private ParquetColumnRanges() {}

  /** The range of column {@code name} of type {@code type} in {@code relation}, or null when unknown. */
  public static ColumnRange of(FileRelation relation, String name, DataType type) {
    if (!(relation.format() instanceof ParquetFileFormat) || !integral(type)) {
      return null;
    }
    FileStatistics statistics = ParquetFileStatistics.of(relation);
    FileColumnStatistics column = statistics == null ? null : statistics.column(name);
    if (column == null || !column.hasRange() || !column.integral()) {
      return null;
    }
    return new ColumnRange((long) Math.floor(column.min()), (long) Math.ceil(column.max()), statistics.rows());
  }

  private static boolean integral(DataType type) {
    return type == DataTypes.IntegerType || type == DataTypes.LongType || type == DataTypes.ShortType
        || type == DataTypes.ByteType || type == DataTypes.DateType;
  }
}

package dev.ember.sql.execution.datasources.parquet;

import dev.ember.sql.execution.datasources.FileRelation;
import dev.ember.sql.execution.joinfilter.ColumnRange;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * The [min, max] of an integral column over all the row groups of a Parquet relation's files, from their
 * footers' statistics, with the files' row count: what a runtime join filter compares its keys with to judge how
 * selective it is. Only columns whose statistics order values as Ember does (signed INT32 and INT64 holding
 * integers or dates); none when a row group lacks statistics.
 */
public final class ParquetColumnRanges {

  private ParquetColumnRanges() {}

  /** The range of column {@code name} of type {@code type} in {@code relation}, or null when unknown. */
  public static ColumnRange of(FileRelation relation, String name, DataType type) {
    if (!(relation.format() instanceof ParquetFileFormat) || !integral(type)) {
      return null;
    }
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    long rows = 0;
    try {
      for (Path file : relation.location().allFiles()) {
        if (Files.size(file) == 0) {
          continue;
        }
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
          for (BlockMetaData block : reader.getFooter().getBlocks()) {
            ColumnChunkMetaData chunk = chunk(block, name);
            if (chunk == null || !ordersAsEmber(chunk.getPrimitiveType())) {
              return null;
            }
            Statistics<?> stats = chunk.getStatistics();
            rows += block.getRowCount();
            if (stats == null || stats.isEmpty()) {
              return null;
            }
            if (!stats.hasNonNullValue()) {
              continue;
            }
            min = Math.min(min, ((Number) stats.genericGetMin()).longValue());
            max = Math.max(max, ((Number) stats.genericGetMax()).longValue());
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      // Statistics only guide a choice: a footer that cannot be read leaves the filter as it is.
      return null;
    }
    return min > max ? null : new ColumnRange(min, max, rows);
  }

  private static ColumnChunkMetaData chunk(BlockMetaData block, String name) {
    for (ColumnChunkMetaData column : block.getColumns()) {
      String[] path = column.getPath().toArray();
      if (path.length == 1 && path[0].toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
        return column;
      }
    }
    return null;
  }

  private static boolean ordersAsEmber(PrimitiveType column) {
    LogicalTypeAnnotation logical = column.getLogicalTypeAnnotation();
    if (logical instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation integer && !integer.isSigned()) {
      return false;
    }
    return (column.getPrimitiveTypeName() == PrimitiveTypeName.INT32
        || column.getPrimitiveTypeName() == PrimitiveTypeName.INT64)
        && (logical == null || logical instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation
            || logical instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation);
  }

  private static boolean integral(DataType type) {
    return type == DataTypes.IntegerType || type == DataTypes.LongType || type == DataTypes.ShortType
        || type == DataTypes.ByteType || type == DataTypes.DateType;
  }
}

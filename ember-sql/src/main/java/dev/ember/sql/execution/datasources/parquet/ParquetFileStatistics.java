package dev.ember.sql.execution.datasources.parquet;

import dev.ember.sql.execution.datasources.FileIndex;
import dev.ember.sql.execution.datasources.FileRelation;
import dev.ember.sql.plan.FileColumnStatistics;
import dev.ember.sql.plan.FileStatistics;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * The row count and per-column [min, max] and NULL counts of a Parquet relation's files, merged over every row
 * group of their footers: what the planner estimates filtered scans from. A range is kept only where the
 * footers order values as Ember compares them (signed integers, dates, decimals stored as integers, floating
 * point); other columns (strings among them) keep their NULL count only, and a column any row group lacks
 * statistics for keeps neither. Read once per listing of the files ({@link FileIndex}), however many times
 * the optimizer asks.
 */
public final class ParquetFileStatistics {

  private static final Map<FileIndex, Optional<FileStatistics>> CACHE =
      Collections.synchronizedMap(new WeakHashMap<>());

  private ParquetFileStatistics() {}

  /** The statistics of {@code relation}'s files, or {@code null} when a footer cannot be read. */
  public static FileStatistics of(FileRelation relation) {
    Optional<FileStatistics> cached = CACHE.get(relation.location());
    if (cached == null) {
      cached = Optional.ofNullable(read(relation.location()));
      CACHE.put(relation.location(), cached);
    }
    return cached.orElse(null);
  }

  /** The statistics of the files of {@code location}, read from their footers; null when one fails. */
  static FileStatistics read(FileIndex location) {
    long rows = 0;
    Map<String, Column> columns = new LinkedHashMap<>();
    try {
      for (Path file : location.allFiles()) {
        if (Files.size(file) == 0) {
          continue;
        }
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
          for (BlockMetaData block : reader.getFooter().getBlocks()) {
            rows += block.getRowCount();
            for (ColumnChunkMetaData chunk : block.getColumns()) {
              String[] path = chunk.getPath().toArray();
              if (path.length == 1) {
                columns.computeIfAbsent(path[0].toLowerCase(Locale.ROOT), k -> new Column()).add(chunk);
              }
            }
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      // Statistics only guide the planner: files whose footers cannot be read are estimated without them.
      return null;
    }
    Map<String, FileColumnStatistics> result = new HashMap<>();
    columns.forEach((name, column) -> {
      FileColumnStatistics s = column.statistics();
      if (s != null) {
        result.put(name, s);
      }
    });
    return new FileStatistics(rows, result);
  }

  /** One column's statistics merged over row groups. */
  private static final class Column {
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;
    private long nulls;
    private boolean ordered = true;
    private boolean integral = true;
    private boolean missing;

    void add(ColumnChunkMetaData chunk) {
      Statistics<?> stats = chunk.getStatistics();
      if (stats == null || stats.isEmpty()) {
        missing = true;
        return;
      }
      nulls += Math.max(0, stats.getNumNulls());
      PrimitiveType type = chunk.getPrimitiveType();
      if (!ordered || !orderedAsEmber(type)) {
        ordered = false;
        return;
      }
      integral &= !(type.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation)
          && (type.getPrimitiveTypeName() == PrimitiveTypeName.INT32
              || type.getPrimitiveTypeName() == PrimitiveTypeName.INT64);
      if (stats.hasNonNullValue()) {
        min = Math.min(min, value(stats.genericGetMin(), type));
        max = Math.max(max, value(stats.genericGetMax(), type));
      }
    }

    FileColumnStatistics statistics() {
      if (missing) {
        return null;
      }
      boolean range = ordered && min <= max && !Double.isNaN(min) && !Double.isNaN(max);
      return new FileColumnStatistics(range ? min : null, range ? max : null, range && integral, nulls);
    }
  }

  private static double value(Object raw, PrimitiveType type) {
    double v = ((Number) raw).doubleValue();
    if (type.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation decimal) {
      return new BigDecimal(BigInteger.valueOf(((Number) raw).longValue()), decimal.getScale()).doubleValue();
    }
    // Writers store a minimum of zero as -0.0 (Parquet's rule for floating point); adding 0.0 makes it 0.0.
    return v + 0.0;
  }

  private static boolean orderedAsEmber(PrimitiveType column) {
    LogicalTypeAnnotation logical = column.getLogicalTypeAnnotation();
    PrimitiveTypeName physical = column.getPrimitiveTypeName();
    if (physical == PrimitiveTypeName.FLOAT || physical == PrimitiveTypeName.DOUBLE) {
      return logical == null;
    }
    if (physical != PrimitiveTypeName.INT32 && physical != PrimitiveTypeName.INT64) {
      return false;
    }
    if (logical instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation integer) {
      return integer.isSigned();
    }
    return logical == null || logical instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation
        || logical instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
  }
}

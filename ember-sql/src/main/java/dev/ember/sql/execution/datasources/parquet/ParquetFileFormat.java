package dev.ember.sql.execution.datasources.parquet;

import dev.ember.sql.execution.datasources.DataSourceOptions;
import dev.ember.sql.execution.datasources.FileFormat;
import dev.ember.sql.execution.datasources.FileReader;
import dev.ember.sql.execution.datasources.FileRelation;
import dev.ember.sql.execution.datasources.OutputWriterFactory;
import dev.ember.sql.execution.datasources.SourceFilter;
import dev.ember.sql.plan.FileStatistics;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.types.StructType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalInputFile;

/**
 * Parquet through parquet-java: the schema from the first file's footer (as Spark does without
 * {@code mergeSchema}); reads by {@link ParquetColumnarReader} with column pruning and row-group skipping;
 * writes by {@link ParquetOutputWriterFactory}, snappy-compressed unless the {@code compression} option
 * ({@code none}, {@code uncompressed}, {@code snappy}, {@code gzip}, {@code zstd}, {@code lz4}) says otherwise,
 * in row groups of {@code parquet.block.size} bytes (128 MB).
 * Files are split by row groups.
 */
public final class ParquetFileFormat implements FileFormat {

  private static final long serialVersionUID = 1L;

  @Override
  public String shortName() {
    return "parquet";
  }

  @Override
  public boolean isSplittable(DataSourceOptions options) {
    return true;
  }

  @Override
  public StructType inferSchema(List<Path> files, DataSourceOptions options) {
    for (Path file : files) {
      try {
        if (Files.size(file) == 0) {
          continue;
        }
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
          return ParquetSchemas.toEmber(reader.getFooter().getFileMetaData().getSchema(), binaryAsString(options));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read the Parquet footer of " + file, e);
      }
    }
    return null;
  }

  /** Spark's {@code spark.sql.parquet.binaryAsString} (also accepted as the option {@code binaryAsString}). */
  private static boolean binaryAsString(DataSourceOptions options) {
    return options.getBoolean("binaryAsString", options.getBoolean("spark.sql.parquet.binaryAsString", false));
  }

  @Override
  public FileReader createReader(StructType dataSchema, StructType requiredSchema, List<SourceFilter> filters,
      DataSourceOptions options) {
    return (FileReader) (split, context, metrics) -> {
      try {
        return new ParquetColumnarReader(split, requiredSchema, filters, context, metrics);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read Parquet file " + split.path(), e);
      }
    };
  }

  @Override
  public FileReader createReader(StructType dataSchema, StructType requiredSchema, List<SourceFilter> filters,
      List<Expression> rowFilters, DataSourceOptions options) {
    return createReader(dataSchema, requiredSchema, filters, rowFilters, false, options);
  }

  @Override
  public boolean appliesRowFiltersExactly() {
    return true;
  }

  @Override
  public FileReader createReader(StructType dataSchema, StructType requiredSchema, List<SourceFilter> filters,
      List<Expression> rowFilters, boolean exact, DataSourceOptions options) {
    return createReader(dataSchema, requiredSchema, filters, rowFilters, exact, null, options);
  }

  @Override
  public FileReader createReader(StructType dataSchema, StructType requiredSchema, List<SourceFilter> filters,
      List<Expression> rowFilters, boolean exact, boolean[] filterOnly, DataSourceOptions options) {
    if (rowFilters.isEmpty()) {
      return createReader(dataSchema, requiredSchema, filters, options);
    }
    LateRowFilter rowFilter = new LateRowFilter(rowFilters, requiredSchema.length());
    return (FileReader) (split, context, metrics) -> {
      try {
        return new ParquetColumnarReader(split, requiredSchema, filters, rowFilter, exact, filterOnly, context,
            metrics);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read Parquet file " + split.path(), e);
      }
    };
  }

  @Override
  public OutputWriterFactory prepareWrite(StructType dataSchema, DataSourceOptions options) {
    ParquetSchemas.toParquet(dataSchema);
    long rowGroupBytes = Long.parseLong(options.get("parquet.block.size", String.valueOf(128L << 20)));
    return new ParquetOutputWriterFactory(dataSchema, codec(options), rowGroupBytes);
  }

  private static String codec(DataSourceOptions options) {
    String name = options.get("compression", options.get("parquet.compression", "snappy"))
        .toLowerCase(Locale.ROOT);
    CompressionCodecName codec = switch (name) {
      case "none", "uncompressed" -> CompressionCodecName.UNCOMPRESSED;
      case "snappy" -> CompressionCodecName.SNAPPY;
      case "gzip" -> CompressionCodecName.GZIP;
      case "zstd" -> CompressionCodecName.ZSTD;
      case "lz4" -> CompressionCodecName.LZ4;
      case "lz4_raw", "lz4raw" -> CompressionCodecName.LZ4_RAW;
      default -> throw new IllegalArgumentException("Codec [" + name + "] is not available. Available codecs are "
          + "uncompressed, none, snappy, gzip, zstd, lz4, lz4_raw.");
    };
    return codec.name();
  }

  /** The footers' row count and column statistics, read once per listing of the files. */
  @Override
  public FileStatistics fileStatistics(FileRelation relation) {
    return ParquetFileStatistics.of(relation);
  }
}

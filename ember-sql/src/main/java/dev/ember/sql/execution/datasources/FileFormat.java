package dev.ember.sql.execution.datasources;

import dev.ember.sql.plan.FileStatistics;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.types.StructType;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;

/**
 * One file format (Parquet, CSV, JSON lines, text): how to infer a schema from files, how to read a split of a
 * file into columnar batches given the columns and filters the query needs, and how to write rows. The
 * planner and the writer do the rest (listing, partition discovery and pruning, splitting, the commit
 * protocol), the same for every format.
 *
 * <p>Implementations are serializable and stateless: the readers and writers they make travel to tasks.
 */
public interface FileFormat extends Serializable {

  /** The name used with {@code format(...)} and printed by EXPLAIN, e.g. {@code parquet}. */
  String shortName();

  /**
   * The schema of the data in {@code files} (partition columns excluded), or null when there is nothing to
   * infer it from (no files, or only empty ones).
   */
  StructType inferSchema(List<Path> files, DataSourceOptions options);

  /** Whether a file may be read in byte-range splits with these options (never for compressed files). */
  boolean isSplittable(DataSourceOptions options);

  /**
   * A reader of splits producing batches of {@code requiredSchema}'s columns (a subset of
   * {@code dataSchema}, in that order).
   *
   * @param filters conjuncts the reader may use to skip data; it need not apply them exactly, since the
   *     engine evaluates the query's filters on the rows it returns
   */
  FileReader createReader(StructType dataSchema, StructType requiredSchema, List<SourceFilter> filters,
      DataSourceOptions options);

  /**
   * A reader like {@link #createReader(StructType, StructType, List, DataSourceOptions)} that may also drop
   * the rows for which one of {@code rowFilters} is not TRUE, as early as it can (a format that decodes column
   * by column can decode the columns the filters read first, and the others only for the rows they keep).
   * Formats that cannot return the plain reader.
   *
   * @param rowFilters conjuncts of the query's filter bound to {@code requiredSchema}'s columns, none of which
   *     can fail; the engine still evaluates the whole filter on the rows returned
   */
  default FileReader createReader(StructType dataSchema, StructType requiredSchema, List<SourceFilter> filters,
      List<Expression> rowFilters, DataSourceOptions options) {
    return createReader(dataSchema, requiredSchema, filters, options);
  }

  /**
   * Whether the format's readers can apply row filters exactly (see
   * {@link #createReader(StructType, StructType, List, List, boolean, DataSourceOptions)}), so the engine may
   * leave the filter out of the plan.
   */
  default boolean appliesRowFiltersExactly() {
    return false;
  }

  /**
   * A reader like {@link #createReader(StructType, StructType, List, List, DataSourceOptions)} that, when
   * {@code exact} is true, returns exactly the rows for which every one of {@code rowFilters} is TRUE: the
   * engine then does not evaluate them again. Only formats for which {@link #appliesRowFiltersExactly()} holds
   * are asked for exact readers.
   */
  default FileReader createReader(StructType dataSchema, StructType requiredSchema, List<SourceFilter> filters,
      List<Expression> rowFilters, boolean exact, DataSourceOptions options) {
    if (exact) {
      throw new IllegalStateException("The " + shortName() + " format cannot apply row filters exactly; "
          + "this is a bug, please report it");
    }
    return createReader(dataSchema, requiredSchema, filters, rowFilters, options);
  }

  /**
   * A reader like {@link #createReader(StructType, StructType, List, List, boolean, DataSourceOptions)} that,
   * when {@code exact}, may return NULLs for the required columns {@code filterOnly} marks instead of their
   * values: those are read only by {@code rowFilters}, and dropped above the scan, so a format that can test
   * them without materializing their values need not make them.
   */
  default FileReader createReader(StructType dataSchema, StructType requiredSchema, List<SourceFilter> filters,
      List<Expression> rowFilters, boolean exact, boolean[] filterOnly, DataSourceOptions options) {
    return createReader(dataSchema, requiredSchema, filters, rowFilters, exact, options);
  }

  /** A factory of writers for rows of {@code dataSchema}; fails for schemas the format cannot hold. */
  OutputWriterFactory prepareWrite(StructType dataSchema, DataSourceOptions options);

  /**
   * The row count and column statistics the footers of {@code relation}'s files hold, for estimating filtered
   * scans; {@code null} when the format keeps none (the default) or the footers cannot be read.
   */
  default FileStatistics fileStatistics(FileRelation relation) {
    return null;
  }
}

package dev.ember.sql.execution.datasources;

import dev.ember.sql.plan.FileStatistics;
import dev.ember.sql.plan.FileStatisticsRelation;
import dev.ember.sql.plan.PushableScan;
import dev.ember.sql.plan.SizedRelation;
import dev.ember.sql.plan.Statistics;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.stats.AnalyzedRelation;
import dev.ember.sql.plan.stats.RelationStatistics;
import dev.ember.sql.types.StructField;
import java.util.ArrayList;
import java.util.List;

/**
 * A scan of a {@link FileRelation} in a logical plan. The optimizer narrows {@code output} to the columns the
 * query reads and records the conjuncts of the filters above it in {@code pushedFilters}; the physical scan
 * prunes partitions with those on partition columns and hands the others to the format. The filters stay in
 * the plan above the scan too, so a format may apply them loosely.
 *
 * @param relation the files
 * @param fullOutput one attribute per column of the relation's schema (data, then partition columns)
 * @param output the columns the scan produces, a subset of {@code fullOutput} in its order
 * @param pushedFilters conjuncts over {@code output} that the scan may use to skip data
 * @param catalogStatistics what ANALYZE TABLE computed for the table scanned, or {@code null}
 */
public record LogicalRelation(FileRelation relation, List<AttributeReference> fullOutput,
    List<AttributeReference> output, List<Expression> pushedFilters, RelationStatistics catalogStatistics)
    implements SizedRelation, PushableScan, AnalyzedRelation, FileStatisticsRelation {

  /** Copies the lists. */
  public LogicalRelation {
    fullOutput = List.copyOf(fullOutput);
    output = List.copyOf(output);
    pushedFilters = List.copyOf(pushedFilters);
  }

  /** A scan of every column of {@code relation}, with fresh attributes. */
  public static LogicalRelation of(FileRelation relation) {
    List<AttributeReference> attributes = new ArrayList<>();
    for (StructField field : relation.schema()) {
      attributes.add(AttributeReference.create(field.name(), field.dataType(), field.nullable()));
    }
    return new LogicalRelation(relation, attributes, attributes, List.of(), null);
  }

  /** This scan producing only {@code columns}. */
  public LogicalRelation withOutput(List<AttributeReference> columns) {
    return new LogicalRelation(relation, fullOutput, columns, pushedFilters, catalogStatistics);
  }

  /** This scan with {@code filters} as its pushed conjuncts. */
  public LogicalRelation withPushedFilters(List<Expression> filters) {
    return new LogicalRelation(relation, fullOutput, output, filters, catalogStatistics);
  }

  /** This scan carrying the statistics ANALYZE TABLE computed for its table. */
  public LogicalRelation withCatalogStatistics(RelationStatistics statistics) {
    return new LogicalRelation(relation, fullOutput, output, pushedFilters, statistics);
  }

  /**
   * The statistic join planning uses, as Spark estimates a pruned file scan: the files' bytes scaled by the
   * width of the columns read over the width of all columns ({@link Statistics#rowWidth}). A filter above the
   * scan shrinks it in {@link Statistics} by the share of rows the footers' column statistics say it keeps
   * ({@link #fileStatistics}).
   */
  @Override
  public long sizeInBytes() {
    long files = relation.sizeInBytes();
    long all = Statistics.rowWidth(fullOutput);
    long read = Statistics.rowWidth(output);
    // files * read / all without overflow for any file size.
    return files / all * read + files % all * read / all;
  }

  /** The statistics in the footers of the files, for estimating a filter above this scan. */
  @Override
  public FileStatistics fileStatistics() {
    return relation.format().fileStatistics(relation);
  }

  @Override
  public String simpleString() {
    return "Relation [" + String.join(",", output.stream().map(AttributeReference::toString).toList()) + "] "
        + relation.format().shortName();
  }
}

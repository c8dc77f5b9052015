package dev.ember.sql.execution.joinfilter.dynamic;

import dev.ember.sql.execution.FilterExec;
import dev.ember.sql.execution.PhysicalPlan;
import dev.ember.sql.execution.ProjectExec;
import dev.ember.sql.execution.datasources.FileSourceScanExec;
import dev.ember.sql.execution.datasources.parquet.ParquetColumnRanges;
import dev.ember.sql.execution.exchange.ShuffleExchangeExec;
import dev.ember.sql.execution.expressions.BindReferences;
import dev.ember.sql.execution.expressions.VectorizedEvaluator;
import dev.ember.sql.execution.joinfilter.ColumnRange;
import dev.ember.sql.execution.joinfilter.KeyBuffer;
import dev.ember.sql.execution.joinfilter.KeyFilter;
import dev.ember.sql.execution.joinfilter.KeyFilterSelectivity;
import dev.ember.sql.execution.joinfilter.KeyFilters;
import dev.ember.sql.execution.joinfilter.RuntimeFilterPredicate;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.plan.JoinType;
import dev.ember.sql.plan.Statistics;
import dev.ember.sql.plan.expressions.Alias;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.types.DataTypes;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run-time join filter from a build side already materialized (DuckDB's dynamic join filters): once a join's
 * build side is in hand, its keys become a {@link KeyFilter} that the probe side's file scan evaluates while it
 * decodes, so rows without a join partner are never decoded past their key nor shuffled. The probe side must
 * not have run yet and be a chain of projections, filters and exchanges down to a {@link FileSourceScanExec}
 * producing the probe key as one of its columns; the key a single, not NULL-safe equi-key of an integral or
 * string type on both sides. Only where dropping probe rows without a partner is legal: inner joins, left semi
 * joins probing their left side, and inner, left semi, left anti and left outer joins building their left side
 * and probing the right (never the preserved side of an outer join, nor an anti join's left side). A filter
 * estimated ({@link KeyFilterSelectivity}, with the scan's Parquet min/max) to keep {@link #MAX_PASS_FRACTION}
 * or more of the scan's rows is not applied, nor one of more than {@link #MAX_KEYS} key rows, nor one on a
 * column a runtime filter planned before the query already tests about as selectively (a build side much
 * smaller than that filter's source, such as a join's result, still filters beside it).
 */
public final class DynamicJoinFilter {

  /** A filter estimated to keep this share of the probe scan's rows or more filters too little to pay. */
  public static final double MAX_PASS_FRACTION = 0.5;
  /** The most build key rows a filter is built from (8 MB of longs while building). */
  public static final int MAX_KEYS = 1 << 20;
  private static final Logger LOG = LoggerFactory.getLogger(DynamicJoinFilter.class);

  private DynamicJoinFilter() {}

  /** Whether a join of {@code type} may drop probe rows without a partner when it probes its left side or not. */
  public static boolean legal(JoinType type, boolean probesLeft) {
    if (probesLeft) {
      return type == JoinType.INNER || type == JoinType.LEFT_SEMI;
    }
    // Right rows without a left partner are never emitted, nor do they change which left rows are.
    return type == JoinType.INNER || type.leftOnly() || type == JoinType.LEFT_OUTER;
  }

  /**
   * {@code probe} with its scan filtered by the keys {@code buildKey} takes over {@code buildBatches} (rows of
   * {@code buildOutput}), or {@code probe} itself when it is no such chain over a scan, the keys are too many,
   * or the filter would keep too much.
   */
  public static PhysicalPlan filterProbeSide(PhysicalPlan probe, Expression probeKey, Expression buildKey,
      List<AttributeReference> buildOutput, List<ColumnarBatch> buildBatches) {
    if (!(probeKey instanceof AttributeReference key) || !buildKey.dataType().equals(key.dataType())
        || !filterable(key)) {
      return probe;
    }
    FileSourceScanExec scan = scanProducing(probe, key);
    if (scan == null) {
      return probe;
    }
    AttributeReference scanKey = traced(probe, key);
    long[] keys = keys(BindReferences.bind(buildKey, buildOutput), buildBatches, KeyFilters.isIntegral(
        key.dataType()));
    if (keys == null) {
      LOG.debug("No dynamic filter on {}: more than {} build keys", scanKey, MAX_KEYS);
      return probe;
    }
    KeyFilter filter = KeyFilters.build(keys, keys.length, KeyFilters.isIntegral(key.dataType()));
    ColumnRange range = ParquetColumnRanges.of(scan.relation().relation(), scanKey.name(), scanKey.dataType());
    long rows = range != null ? range.rows() : Statistics.rowCount(scan.relation());
    double passFraction = KeyFilterSelectivity.passFraction(filter, range, rows);
    if (passFraction >= MAX_PASS_FRACTION) {
      LOG.debug("No dynamic filter on {}: {} would keep about {} of the rows", scanKey, filter.describe(),
          passFraction);
      return probe;
    }
    if (alreadyFiltered(scan, scanKey, passFraction)) {
      return probe;
    }
    RuntimeFilterPredicate predicate = new RuntimeFilterPredicate(scanKey, filter, "dynamic " + buildKey,
        passFraction);
    LOG.debug("Dynamic filter {}", predicate.sql());
    return rewrite(probe, scan, scan.withDynamicFilter(predicate));
  }

  /**
   * Whether a runtime filter planned before the query (on the same keys, mostly) already tests the column about
   * as selectively: keeping at most twice the new filter's share {@code passFraction}, or an unknown share.
   */
  private static boolean alreadyFiltered(FileSourceScanExec scan, AttributeReference column, double passFraction) {
    return scan.relation().pushedFilters().stream().anyMatch(f -> f instanceof RuntimeFilterPredicate predicate
        && predicate.child().equals(column) && (predicate.passFraction() == KeyFilterSelectivity.UNKNOWN
        || predicate.passFraction() <= 2 * passFraction));
  }

  private static boolean filterable(AttributeReference key) {
    return KeyFilters.isIntegral(key.dataType()) || key.dataType() == DataTypes.StringType;
  }

  /** The scan at the bottom of a chain of projections, filters and exchanges passing {@code key} on, or null. */
  private static FileSourceScanExec scanProducing(PhysicalPlan plan, AttributeReference key) {
    AttributeReference below = step(plan, key);
    if (below == null) {
      return null;
    }
    if (plan instanceof FileSourceScanExec scan) {
      return scan.output().contains(key) && dataColumn(scan, key) ? scan : null;
    }
    return scanProducing(plan.children().get(0), below);
  }

  /** The name {@code key} has in the scan below {@code plan} (a projection may rename it). */
  private static AttributeReference traced(PhysicalPlan plan, AttributeReference key) {
    AttributeReference below = step(plan, key);
    return plan instanceof FileSourceScanExec ? below : traced(plan.children().get(0), below);
  }

  /**
   * The column of {@code plan}'s child that {@code key} of its output is, or {@code key} for a filter, an
   * exchange or a scan; null for any other operator or a computed column.
   */
  private static AttributeReference step(PhysicalPlan plan, AttributeReference key) {
    if (plan instanceof FilterExec || plan instanceof ShuffleExchangeExec || plan instanceof FileSourceScanExec) {
      return key;
    }
    if (plan instanceof ProjectExec project) {
      int index = project.output().indexOf(key);
      if (index < 0) {
        return null;
      }
      Expression produced = project.projectList().get(index);
      if (produced instanceof Alias alias) {
        produced = alias.child();
      }
      return produced instanceof AttributeReference column ? column : null;
    }
    return null;
  }

  private static boolean dataColumn(FileSourceScanExec scan, AttributeReference key) {
    List<AttributeReference> all = scan.relation().fullOutput();
    int index = all.indexOf(key);
    return index >= 0 && index < scan.relation().relation().dataSchema().length();
  }

  /**
   * The non-NULL keys of the batches (integral values or hashes, duplicates kept), or null when there are more
   * than {@link #MAX_KEYS}.
   */
  static long[] keys(Expression boundKey, List<ColumnarBatch> batches, boolean integral) {
    KeyBuffer keys = new KeyBuffer(integral);
    for (ColumnarBatch batch : batches) {
      if (batch.numRows() > 0) {
        keys.add(VectorizedEvaluator.evaluate(boundKey, batch), batch.numRows());
        if (keys.size() > MAX_KEYS) {
          return null;
        }
      }
    }
    return keys.values();
  }

  /** {@code plan} with {@code scan}, somewhere in its chain, replaced by {@code filtered}. */
  private static PhysicalPlan rewrite(PhysicalPlan plan, FileSourceScanExec scan, FileSourceScanExec filtered) {
    if (plan == scan) {
      return filtered;
    }
    return plan.withNewChildren(List.of(rewrite(plan.children().get(0), scan, filtered)));
  }
}

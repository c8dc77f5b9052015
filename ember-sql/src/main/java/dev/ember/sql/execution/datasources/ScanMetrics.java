package dev.ember.sql.execution.datasources;

import dev.ember.util.LongAccumulator;
import java.io.Serializable;

/**
 * Counters of one file scan, merged on the driver as accumulators: shown by tests and by EXPLAIN's metrics.
 *
 * @param filesRead the file splits opened
 * @param rowGroupsRead the Parquet row groups decoded (row groups skipped by statistics are not counted)
 * @param rowsRead the rows produced by the readers
 */
public record ScanMetrics(LongAccumulator filesRead, LongAccumulator rowGroupsRead, LongAccumulator rowsRead)
    implements Serializable {

  /** Counters that are not registered anywhere, for reads outside a job (schema inference). */
  public static ScanMetrics detached() {
    return new ScanMetrics(new LongAccumulator(), new LongAccumulator(), new LongAccumulator());
  }
}

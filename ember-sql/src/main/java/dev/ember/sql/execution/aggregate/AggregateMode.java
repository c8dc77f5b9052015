package dev.ember.sql.execution.aggregate;

/** The phase of a two-phase aggregation. */
public enum AggregateMode {
  /** Before the exchange: input rows into per-group buffers. */
  PARTIAL,
  /** After the exchange: buffers merged and turned into results. */
  FINAL
}

package dev.ember.sql.execution.aggregate;

/** The phase of a two-phase aggregation, or both phases in one. */
public enum AggregateMode {
  /** Before the exchange: input rows into per-group buffers. */
  PARTIAL,
  /** After the exchange: buffers merged and turned into results. */
  FINAL,
  /**
   * Both phases in one pass, where the input is already clustered by the keys (no exchange between the phases):
   * input rows into per-group buffers, then turned into results.
   */
  COMPLETE
}

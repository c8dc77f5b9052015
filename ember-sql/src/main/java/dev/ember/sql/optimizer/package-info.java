/** The rule-based optimizer: one rule a file, run in ordered batches to a fixpoint. */
package dev.ember.sql.optimizer;

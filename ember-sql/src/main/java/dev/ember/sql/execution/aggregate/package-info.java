/** Two-phase hash aggregation over columnar batches. */
package dev.ember.sql.execution.aggregate;

/** Exchanges: redistribution of batches between stages through the core shuffle. */
package dev.ember.sql.execution.exchange;

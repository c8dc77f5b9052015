/**
 * Collections that spill to disk when their task is denied memory: {@link
 * dev.ember.util.collection.ExternalAppendOnlyMap} (combine by key) and {@link
 * dev.ember.util.collection.ExternalSorter} (sort by partition and key, optionally combining), used by the
 * shuffle on both sides, and the {@link dev.ember.util.SizeEstimator} they size themselves with.
 */
package dev.ember.util.collection;

/**
 * Ember's entry points and core vocabulary: {@link dev.ember.EmberConf}, {@link dev.ember.EmberContext},
 * partitions, partitioners, dependencies and {@link dev.ember.TaskContext}.
 */
package dev.ember;

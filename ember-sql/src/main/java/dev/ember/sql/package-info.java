/**
 * Ember SQL's public API: {@link dev.ember.sql.EmberSession}, {@link dev.ember.sql.Dataset} (the DataFrame),
 * {@link dev.ember.sql.Row}, {@link dev.ember.sql.Column} and {@link dev.ember.sql.functions}.
 */
package dev.ember.sql;

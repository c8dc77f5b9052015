/** Window specifications of the DataFrame API: {@link dev.ember.sql.expressions.Window} and its specs. */
package dev.ember.sql.expressions;

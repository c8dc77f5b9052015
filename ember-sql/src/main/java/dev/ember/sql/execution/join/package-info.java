/** Join operators: broadcast and shuffled hash joins, nested-loop joins, and their shared machinery. */
package dev.ember.sql.execution.join;

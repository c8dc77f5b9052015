/**
 * Spilling for SQL operators: the task's spill files and metrics ({@link dev.ember.sql.execution.spill.TaskSpill}),
 * a compact compressed row format for sorted runs, a memory consumer that asks for memory as its structure
 * grows and spills when denied, an external row sorter and a k-way merge of sorted runs.
 */
package dev.ember.sql.execution.spill;

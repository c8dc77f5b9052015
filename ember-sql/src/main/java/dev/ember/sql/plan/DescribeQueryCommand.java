package dev.ember.sql.plan;

/**
 * {@code DESCRIBE [QUERY] query}: the query's columns (col_name, data_type, comment), without running it.
 *
 * @param query the unresolved query
 */
public record DescribeQueryCommand(LogicalPlan query) implements Command {
}

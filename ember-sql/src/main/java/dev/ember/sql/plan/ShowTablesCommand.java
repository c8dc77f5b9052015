package dev.ember.sql.plan;

/**
 * {@code SHOW TABLES [LIKE pattern]} or {@code SHOW VIEWS [LIKE pattern]}.
 *
 * @param viewsOnly whether only views are listed (SHOW VIEWS), whose name column is {@code viewName}
 * @param namespace the database named by FROM/IN, or {@code null}
 * @param pattern Spark's pattern ({@code *} any characters, {@code |} alternatives), or {@code null}
 */
public record ShowTablesCommand(boolean viewsOnly, String namespace, String pattern) implements Command {
}

package dev.ember.sql.plan;

import dev.ember.sql.plan.expressions.Origin;

/**
 * {@code SHOW TABLES [(FROM | IN) db] [LIKE pattern]} or {@code SHOW VIEWS [(FROM | IN) db] [LIKE pattern]}.
 *
 * @param viewsOnly whether only views are listed (SHOW VIEWS), whose name column is {@code viewName}
 * @param namespace the database named by FROM/IN, or {@code null}
 * @param pattern Spark's pattern ({@code *} any characters, {@code |} alternatives), or {@code null}
 * @param namespaceOrigin where the database name is ({@link Origin#NONE} without one)
 */
public record ShowTablesCommand(boolean viewsOnly, String namespace, String pattern, Origin namespaceOrigin)
    implements Command {
}

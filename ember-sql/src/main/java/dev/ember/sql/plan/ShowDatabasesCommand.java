package dev.ember.sql.plan;

/**
 * {@code SHOW (DATABASES | SCHEMAS) [LIKE 'pattern']}.
 *
 * @param pattern Spark's LIKE pattern ({@code *} any characters, {@code |} alternatives), or null for all
 */
public record ShowDatabasesCommand(String pattern) implements Command {}

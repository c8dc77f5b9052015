package dev.ember.sql.plan;

/**
 * {@code SHOW [USER | SYSTEM | ALL] FUNCTIONS [[LIKE] pattern]}: the names of the functions a query may call.
 *
 * @param user whether the session's user-defined functions are listed
 * @param system whether the built-in functions are listed
 * @param pattern Spark's name pattern ({@code *} any characters, {@code |} alternatives), or null for all
 */
public record ShowFunctionsCommand(boolean user, boolean system, String pattern) implements Command {}

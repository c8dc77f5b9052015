package dev.ember.sql.plan;

/** {@code CLEAR CACHE}: drops every cached table and DataFrame of the session. */
public record ClearCacheCommand() implements Command {
}

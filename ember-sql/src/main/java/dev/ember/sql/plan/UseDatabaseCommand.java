package dev.ember.sql.plan;

import static java.util.Objects.requireNonNull;

import dev.ember.sql.plan.expressions.Origin;

/**
 * {@code USE [DATABASE] name}: makes {@code name} the session's current database.
 *
 * @param name the database name
 * @param origin where the name is
 */
public record UseDatabaseCommand(String name, Origin origin) implements Command {

  /** Validates. */
  public UseDatabaseCommand {
    requireNonNull(name, "name is null");
    requireNonNull(origin, "origin is null");
  }
}

package dev.ember.sql.plan;

import static java.util.Objects.requireNonNull;

import dev.ember.sql.plan.expressions.Origin;

/**
 * {@code CREATE (DATABASE | SCHEMA) [IF NOT EXISTS] name [COMMENT '...'] [LOCATION 'path']}.
 *
 * @param name the database name
 * @param comment the COMMENT, or null
 * @param location the LOCATION, or null for {@code <warehouse>/name.db}
 * @param ifNotExists whether an existing database is not an error
 * @param origin where the name is
 */
public record CreateDatabaseCommand(String name, String comment, String location, boolean ifNotExists,
    Origin origin) implements Command {

  /** Validates. */
  public CreateDatabaseCommand {
    requireNonNull(name, "name is null");
    requireNonNull(origin, "origin is null");
  }
}

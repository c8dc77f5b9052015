package dev.ember.sql.plan;

import static java.util.Objects.requireNonNull;

import dev.ember.sql.plan.expressions.Origin;

/**
 * {@code DROP (DATABASE | SCHEMA) [IF EXISTS] name [RESTRICT | CASCADE]}.
 *
 * @param name the database name
 * @param ifExists whether a missing database is not an error
 * @param cascade whether the database's tables are dropped with it (otherwise it must be empty)
 * @param origin where the name is
 */
public record DropDatabaseCommand(String name, boolean ifExists, boolean cascade, Origin origin)
    implements Command {

  /** Validates. */
  public DropDatabaseCommand {
    requireNonNull(name, "name is null");
    requireNonNull(origin, "origin is null");
  }
}

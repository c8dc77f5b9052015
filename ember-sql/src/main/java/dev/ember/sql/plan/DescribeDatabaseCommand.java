package dev.ember.sql.plan;

import static java.util.Objects.requireNonNull;

import dev.ember.sql.plan.expressions.Origin;

/**
 * {@code DESCRIBE (DATABASE | SCHEMA) [EXTENDED] name}.
 *
 * @param name the database name
 * @param extended whether EXTENDED was given (adds the properties row)
 * @param origin where the name is
 */
public record DescribeDatabaseCommand(String name, boolean extended, Origin origin) implements Command {

  /** Validates. */
  public DescribeDatabaseCommand {
    requireNonNull(name, "name is null");
    requireNonNull(origin, "origin is null");
  }
}

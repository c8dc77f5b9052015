package dev.ember.sql.plan;

import dev.ember.sql.plan.expressions.Origin;

/**
 * {@code DESCRIBE FUNCTION [EXTENDED] name}: what kind of function {@code name} is and how to call it.
 *
 * @param name the function's name
 * @param origin where the name is, for the error when no function has it
 * @param extended whether EXTENDED asks for the examples too
 */
public record DescribeFunctionCommand(String name, Origin origin, boolean extended) implements Command {

  /** The plain form, without EXTENDED. */
  public DescribeFunctionCommand(String name, Origin origin) {
    this(name, origin, false);
  }
}

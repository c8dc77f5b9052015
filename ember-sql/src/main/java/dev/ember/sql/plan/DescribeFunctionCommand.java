package dev.ember.sql.plan;

import dev.ember.sql.plan.expressions.Origin;

/**
 * {@code DESCRIBE FUNCTION [EXTENDED] name}: what kind of function {@code name} is.
 *
 * @param name the function's name
 * @param origin where the name is, for the error when no function has it
 */
public record DescribeFunctionCommand(String name, Origin origin) implements Command {}

/** Generators: operators that turn one input row into zero or more output rows ({@code explode}). */
package dev.ember.sql.execution.generate;

package dev.ember.sql;

import java.io.PrintStream;

/**
 * Standard output for the API methods whose contract is to print ({@code show}, {@code explain},
 * {@code printSchema}), kept in one place so library code does not print elsewhere.
 */
final class Console {

  private Console() {}

  static void print(String text) {
    PrintStream out = System.out;
    out.print(text);
    out.flush();
  }
}

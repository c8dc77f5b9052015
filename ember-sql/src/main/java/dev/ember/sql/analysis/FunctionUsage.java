package dev.ember.sql.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * How to call each built-in function, for DESCRIBE FUNCTION: one line of usage per function
 * ({@code function-usage.properties}) and, for many, an example query ({@code function-examples.properties})
 * that DESCRIBE FUNCTION EXTENDED runs to show its answer.
 */
public final class FunctionUsage {

  private static final Properties USAGE = load("function-usage.properties");
  private static final Properties EXAMPLES = load("function-examples.properties");

  private FunctionUsage() {}

  /** The usage line of built-in function {@code name}, e.g. {@code abs(expr) - Gives the magnitude ...}. */
  public static Optional<String> usage(String name) {
    return Optional.ofNullable(USAGE.getProperty(name.toLowerCase(Locale.ROOT)));
  }

  /** An example query calling built-in function {@code name}, e.g. {@code SELECT abs(-1)}, if there is one. */
  public static Optional<String> example(String name) {
    return Optional.ofNullable(EXAMPLES.getProperty(name.toLowerCase(Locale.ROOT)));
  }

  private static Properties load(String resource) {
    Properties properties = new Properties();
    try (InputStream in = FunctionUsage.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Missing resource " + resource + " beside " + FunctionUsage.class);
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + resource, e);
    }
    return properties;
  }
}

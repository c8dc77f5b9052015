package dev.ember.bench.tpch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The 22 TPC-H queries with their validation parameters, as resources {@code tpch/q01.sql} ..
 * {@code tpch/q22.sql} in a dialect both Spark SQL and DuckDB accept.
 */
public final class TpchQueries {

  /** Number of TPC-H queries. */
  public static final int COUNT = 22;

  private TpchQueries() {
  }

  /** The query's name, e.g. {@code q07}. */
  public static String name(int number) {
    return String.format(Locale.ROOT, "q%02d", number);
  }

  /** The text of query {@code number} (1-based), without its comment lines. */
  public static String sql(int number) {
    String resource = "/tpch/" + name(number) + ".sql";
    try (InputStream in = TpchQueries.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return text.lines().filter(line -> !line.trim().startsWith("--"))
          .collect(Collectors.joining("\n")).trim();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

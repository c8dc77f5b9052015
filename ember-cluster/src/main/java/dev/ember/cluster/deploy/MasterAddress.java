package dev.ember.cluster.deploy;

import dev.ember.EmberException;

/**
 * The address of a standalone master, parsed from {@code ember://HOST:PORT} ({@code spark://} is accepted as
 * well, as Spark users write it).
 */
public record MasterAddress(String host, int port) {

  /**
   * Parses {@code url}.
   *
   * @throws EmberException {@code INVALID_MASTER_URL} if it is not {@code ember://HOST:PORT}
   */
  public static MasterAddress parse(String url) {
    String trimmed = url.trim();
    String rest;
    if (trimmed.startsWith("ember://")) {
      rest = trimmed.substring("ember://".length());
    } else if (trimmed.startsWith("spark://")) {
      rest = trimmed.substring("spark://".length());
    } else {
      throw invalid(url);
    }
    int colon = rest.lastIndexOf(':');
    if (colon <= 0 || colon == rest.length() - 1) {
      throw invalid(url);
    }
    try {
      return new MasterAddress(rest.substring(0, colon), Integer.parseInt(rest.substring(colon + 1)));
    } catch (NumberFormatException e) {
      throw invalid(url);
    }
  }

  /** Whether {@code url} looks like a standalone master URL. */
  public static boolean accepts(String url) {
    String trimmed = url.trim();
    return trimmed.startsWith("ember://") || trimmed.startsWith("spark://");
  }

  private static EmberException invalid(String url) {
    return new EmberException("INVALID_MASTER_URL", "Could not parse master URL '" + url
        + "'; a standalone master is written ember://HOST:PORT, for example ember://127.0.0.1:7077.");
  }

  @Override
  public String toString() {
    return "ember://" + host + ":" + port;
  }
}

package dev.ember.rdd.io;

import dev.ember.EmberException;
import java.net.URI;
import java.nio.file.Path;

/** Turns user-given paths into local file-system paths, rejecting file systems Ember cannot write yet. */
public final class LocalPaths {

  private LocalPaths() {}

  /**
   * The absolute local path of {@code path}: a plain path or a {@code file:} URI.
   *
   * @throws EmberException {@code UNSUPPORTED_FILE_SYSTEM} for other schemes (hdfs:, s3a:, ...)
   */
  public static Path toLocal(String path) {
    if (path == null || path.isBlank()) {
      throw new IllegalArgumentException("A path cannot be null or empty.");
    }
    int colon = path.indexOf(':');
    int slash = path.indexOf('/');
    boolean hasScheme = colon > 1 && (slash < 0 || colon < slash);
    if (!hasScheme) {
      return Path.of(path).toAbsolutePath().normalize();
    }
    URI uri = URI.create(path);
    if (!"file".equalsIgnoreCase(uri.getScheme())) {
      throw new EmberException("UNSUPPORTED_FILE_SYSTEM", "No file system for scheme '" + uri.getScheme()
          + "' in " + path + ": only local paths and file: URIs are supported.");
    }
    return Path.of(uri).toAbsolutePath().normalize();
  }
}

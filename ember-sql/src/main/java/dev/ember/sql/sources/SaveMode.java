package dev.ember.sql.sources;

import java.util.Locale;

/** What {@code df.write().save(path)} does when something already exists at the path, as Spark's SaveMode. */
public enum SaveMode {
  /** Adds the new files next to the existing ones. */
  Append,
  /** Replaces what is at the path, once the new data is completely written. */
  Overwrite,
  /** Fails with {@code PATH_ALREADY_EXISTS} (the default). */
  ErrorIfExists,
  /** Writes nothing and succeeds. */
  Ignore;

  /**
   * The mode named {@code name}: {@code append}, {@code overwrite}, {@code error}, {@code errorifexists},
   * {@code default} or {@code ignore}, in any case.
   */
  public static SaveMode fromName(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "append" -> Append;
      case "overwrite" -> Overwrite;
      case "error", "errorifexists", "default" -> ErrorIfExists;
      case "ignore" -> Ignore;
      default -> throw new IllegalArgumentException("Unknown save mode: " + name + ". Accepted save modes are "
          + "'overwrite', 'append', 'ignore', 'error', 'errorifexists', 'default'.");
    };
  }
}

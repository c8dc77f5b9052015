package dev.ember.sql.execution.datasources;

import java.io.Serializable;
import java.util.Objects;

/**
 * One data file found by listing.
 *
 * @param path the absolute local path
 * @param size its length in bytes
 */
public record PartitionedFile(String path, long size) implements Serializable {

  /** Validates the file. */
  public PartitionedFile {
    Objects.requireNonNull(path, "path is null");
  }
}

package dev.ember.cluster.network;

import java.util.Objects;

/**
 * Bytes sent as they are, without Java serialization: a shuffle block slice, a broadcast piece, a file.
 *
 * @param bytes the payload
 */
public record RawBytes(byte[] bytes) {

  public RawBytes {
    Objects.requireNonNull(bytes, "bytes is null");
  }
}

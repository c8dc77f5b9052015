package dev.ember.serializer;

import java.io.Serializable;

/**
 * Turns objects into bytes and back, for shuffle files, cached blocks and task results. A serializer is
 * shared; each thread takes its own {@link SerializerInstance}, which need not be thread-safe.
 */
public interface Serializer extends Serializable {

  /** A new instance for use by one thread at a time. */
  SerializerInstance newInstance();

  /**
   * Whether serialized records may be reordered in a stream (concatenating two streams' bytes gives a valid
   * stream of both). Lets the shuffle move serialized bytes without deserializing them.
   */
  default boolean supportsRelocationOfSerializedObjects() {
    return false;
  }
}

package dev.ember.storage;

/** A block held by the {@link MemoryStore}: deserialized values or serialized bytes, with its accounted size. */
sealed interface MemoryEntry permits MemoryEntry.Values, MemoryEntry.Bytes {

  /** The bytes of storage memory this entry holds. */
  long size();

  /** The block's records as objects, with their estimated size. */
  record Values(Object[] values, long size) implements MemoryEntry {}

  /** The block as serialized bytes (a record stream of the data serializer, or raw bytes put as such). */
  record Bytes(byte[] bytes) implements MemoryEntry {
    @Override
    public long size() {
      return bytes.length;
    }
  }
}

package dev.ember.storage;

/** A block held by the {@link MemoryStore}: deserialized values or serialized bytes, with its accounted size. */
sealed interface MemoryEntry permits MemoryEntry.Values, MemoryEntry.Bytes {

  /** The bytes of storage memory this entry holds. */
  long size();

  /** The block's records as values, in the most compact form their types allow. */
  record Values(StoredValues values) implements MemoryEntry {
    @Override
    public long size() {
      return values.sizeInBytes();
    }
  }

  /** The block as serialized bytes (a record stream of the data serializer, or raw bytes put as such). */
  record Bytes(byte[] bytes) implements MemoryEntry {
    @Override
    public long size() {
      return bytes.length;
    }
  }
}

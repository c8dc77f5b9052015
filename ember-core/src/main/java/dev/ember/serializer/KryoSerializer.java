package dev.ember.serializer;

import dev.ember.EmberConf;

/**
 * Kryo serialization: compact and fast, the default data serializer ({@code spark.serializer}). Classes need
 * not be registered; objects are tracked by reference ({@code spark.kryo.referenceTracking}, default true),
 * so shared and cyclic graphs survive; classes without a no-argument constructor are instantiated without
 * one; Java records, collections, arrays and user classes are handled. A class whose Java serialization is
 * customised ({@code writeObject}, {@code writeReplace}, {@code Externalizable}, ...) or that Kryo fails to
 * write is written with Java serialization instead, so correctness never depends on Kryo.
 *
 * <pre>{@code
 * new EmberConf().set("spark.serializer", "org.apache.spark.serializer.KryoSerializer");
 * }</pre>
 */
public final class KryoSerializer implements Serializer {

  private static final long serialVersionUID = 1L;

  private final int bufferSize;
  private final int maxBufferSize;
  private final boolean referenceTracking;
  /** The Kryo instances kept for reuse in this process; made on first use, also after deserialization. */
  private transient volatile KryoPool pool;

  /** A serializer with Spark's defaults: 64 KiB buffers growing to 64 MiB, reference tracking on. */
  public KryoSerializer() {
    this(64 * 1024, 64 * 1024 * 1024, true);
  }

  /**
   * A serializer configured by {@code spark.kryoserializer.buffer}, {@code spark.kryoserializer.buffer.max}
   * and {@code spark.kryo.referenceTracking}.
   */
  public KryoSerializer(EmberConf conf) {
    this((int) conf.getSizeAsBytes("ember.kryoserializer.buffer", "64k"),
        (int) Math.min(Integer.MAX_VALUE - 8, conf.getSizeAsBytes("ember.kryoserializer.buffer.max", "64m")),
        conf.getBoolean("ember.kryo.referenceTracking", true));
  }

  private KryoSerializer(int bufferSize, int maxBufferSize, boolean referenceTracking) {
    if (bufferSize <= 0 || maxBufferSize < bufferSize) {
      throw new IllegalArgumentException("spark.kryoserializer.buffer (" + bufferSize + ") must be positive and "
          + "at most spark.kryoserializer.buffer.max (" + maxBufferSize + ").");
    }
    this.bufferSize = bufferSize;
    this.maxBufferSize = maxBufferSize;
    this.referenceTracking = referenceTracking;
  }

  @Override
  public SerializerInstance newInstance() {
    return new KryoSerializerInstance(pool(), bufferSize, maxBufferSize);
  }

  private KryoPool pool() {
    KryoPool current = pool;
    if (current == null) {
      synchronized (this) {
        current = pool;
        if (current == null) {
          current = new KryoPool(referenceTracking);
          pool = current;
        }
      }
    }
    return current;
  }
}

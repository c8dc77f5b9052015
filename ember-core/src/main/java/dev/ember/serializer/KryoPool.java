package dev.ember.serializer;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Kryo instances kept for reuse, as Spark's {@code spark.kryo.pool} does: a new Kryo learns each class it meets
 * (its serializer, by reflection) before it writes it, so making one per task, shuffle stream or broadcast
 * repeats that work for every small job. Instances are kept per context class loader, since a Kryo remembers
 * the classes it resolved by name; at most {@link #MAX_IDLE} idle ones per loader. Thread-safe; a borrowed
 * Kryo belongs to its borrower until {@link #release}d.
 */
final class KryoPool {

  /** Idle instances kept per class loader; more than the cores of any machine Ember runs on need at once. */
  static final int MAX_IDLE = 64;

  private final boolean referenceTracking;
  private final Map<ClassLoader, ArrayDeque<EmberKryo>> idle = new WeakHashMap<>();

  KryoPool(boolean referenceTracking) {
    this.referenceTracking = referenceTracking;
  }

  /** An idle Kryo for the current thread's context class loader, or a new one. */
  EmberKryo borrow() {
    ClassLoader loader = loader();
    synchronized (idle) {
      ArrayDeque<EmberKryo> free = idle.get(loader);
      if (free != null && !free.isEmpty()) {
        return free.pop();
      }
    }
    EmberKryo kryo = EmberKryo.create(referenceTracking);
    kryo.setClassLoader(loader);
    return kryo;
  }

  /** Returns {@code kryo}, no longer used by its borrower, for reuse under the class loader it was made for. */
  void release(EmberKryo kryo) {
    kryo.reset();
    ClassLoader loader = kryo.getClassLoader();
    synchronized (idle) {
      ArrayDeque<EmberKryo> free = idle.computeIfAbsent(loader, l -> new ArrayDeque<>());
      if (free.size() < MAX_IDLE) {
        free.push(kryo);
      }
    }
  }

  /** The number of idle instances for the current thread's class loader; for tests. */
  int idleCount() {
    synchronized (idle) {
      ArrayDeque<EmberKryo> free = idle.get(loader());
      return free == null ? 0 : free.size();
    }
  }

  private static ClassLoader loader() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    return loader != null ? loader : EmberKryo.class.getClassLoader();
  }
}

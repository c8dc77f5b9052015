package dev.ember.util;

import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The driver's registry of accumulators by id, so task results can be merged into the original objects.
 * Holds them weakly: an accumulator the program no longer references can be collected.
 */
public final class AccumulatorContext {

  private static final AtomicLong NEXT_ID = new AtomicLong();
  private static final Map<Long, WeakReference<AccumulatorV2<?, ?>>> ORIGINALS = new ConcurrentHashMap<>();

  private AccumulatorContext() {}

  static long register(AccumulatorV2<?, ?> accumulator) {
    long id = NEXT_ID.getAndIncrement();
    ORIGINALS.put(id, new WeakReference<>(accumulator));
    return id;
  }

  /** The driver's accumulator with {@code id}, if it is still alive. */
  public static Optional<AccumulatorV2<?, ?>> get(long id) {
    WeakReference<AccumulatorV2<?, ?>> ref = ORIGINALS.get(id);
    AccumulatorV2<?, ?> accumulator = ref == null ? null : ref.get();
    if (ref != null && accumulator == null) {
      ORIGINALS.remove(id);
    }
    return Optional.ofNullable(accumulator);
  }

  /** Merges a task's copy into the driver's accumulator with the same id, if that one is alive. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static void mergeUpdate(AccumulatorV2<?, ?> update) {
    get(update.id()).ifPresent(original -> ((AccumulatorV2) original).merge(update));
  }

  /** Forgets every accumulator, when a context stops. */
  public static void clear() {
    ORIGINALS.clear();
  }
}

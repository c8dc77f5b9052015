package dev.ember.serializer;

import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The classes Java deserialization resolved by name, kept per class loader: every task deserializes a plan of
 * dozens of classes, and {@link Class#forName(String, boolean, ClassLoader)} takes a lock and searches the loader
 * each time, which costs more than a small task's own work. Only successful lookups are kept (a name resolved
 * once stays resolved in the same loader); a loader that is no longer used is dropped with its classes (they are
 * held weakly, as a class holds its loader and would otherwise keep its key alive), and at most
 * {@link #MAX_NAMES} names are kept per loader.
 */
final class ResolvedClasses {

  /** Names kept per loader: far more than the classes of any plan, and a bound on a loader's memory. */
  static final int MAX_NAMES = 4096;

  private static final Map<ClassLoader, Map<String, WeakReference<Class<?>>>> BY_LOADER = new WeakHashMap<>();

  private ResolvedClasses() {}

  /** The class {@code name} as {@code loader} resolves it, without initializing it. */
  static Class<?> forName(String name, ClassLoader loader) throws ClassNotFoundException {
    return forName(name, loader, MAX_NAMES);
  }

  /** As above, keeping at most {@code maxNames} names for {@code loader}. */
  static Class<?> forName(String name, ClassLoader loader, int maxNames) throws ClassNotFoundException {
    Map<String, WeakReference<Class<?>>> classes = classesOf(loader);
    WeakReference<Class<?>> kept = classes.get(name);
    Class<?> known = kept == null ? null : kept.get();
    if (known != null) {
      return known;
    }
    Class<?> resolved = Class.forName(name, false, loader);
    if (kept != null || classes.size() < maxNames) {
      classes.put(name, new WeakReference<>(resolved));
    }
    return resolved;
  }

  /** The number of names kept for {@code loader}; for tests. */
  static int size(ClassLoader loader) {
    return classesOf(loader).size();
  }

  private static Map<String, WeakReference<Class<?>>> classesOf(ClassLoader loader) {
    synchronized (BY_LOADER) {
      return BY_LOADER.computeIfAbsent(loader, l -> new ConcurrentHashMap<>());
    }
  }
}

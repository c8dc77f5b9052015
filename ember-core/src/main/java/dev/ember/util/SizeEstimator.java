package dev.ember.util;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Estimates how many bytes of heap an object graph occupies, assuming a 64-bit JVM with compressed
 * references (12-byte headers, 4-byte references, 8-byte alignment). Plain objects are walked field by
 * field; JDK types whose fields are closed to reflection (strings, boxed numbers, collections, maps) are
 * estimated from their public shape; large arrays and collections are sampled. Classes, class loaders and
 * threads are shared by the whole JVM and not counted. Used by the memory store to account cached values and by
 * spilling collections to decide when to ask for memory.
 *
 * <pre>{@code
 * long bytes = SizeEstimator.estimate(List.of("a", "b"));
 * }</pre>
 */
public final class SizeEstimator {

  private static final int HEADER = 12;
  private static final int ARRAY_HEADER = 16;
  private static final int REFERENCE = 4;
  private static final int SAMPLE_THRESHOLD = 400;
  private static final int SAMPLES = 100;
  private static final Map<Class<?>, ClassInfo> CLASS_INFO = new ConcurrentHashMap<>();

  private final IdentityHashMap<Object, Boolean> visited = new IdentityHashMap<>();
  private final ArrayDeque<Object> pending = new ArrayDeque<>();

  private SizeEstimator() {}

  /** The estimated deep size of {@code value} in bytes (shared sub-objects counted once); 0 for null. */
  public static long estimate(Object value) {
    if (value == null) {
      return 0;
    }
    if (value instanceof String || value instanceof Number || value instanceof Boolean
        || value instanceof Character) {
      // Leaves with nothing to walk: spilling collections sample keys and values like these all the time, and
      // a walk would allocate its visited set and queue for each.
      return leafSize(value);
    }
    return new SizeEstimator().walk(value);
  }

  private static long leafSize(Object value) {
    if (value instanceof String s) {
      return align(HEADER + 12) + align(ARRAY_HEADER + s.length());
    }
    return value instanceof Long || value instanceof Double ? 24 : 16;
  }

  private long walk(Object value) {
    long total = 0;
    enqueue(value);
    while (!pending.isEmpty()) {
      total += shallowAndEnqueueChildren(pending.pop());
    }
    return total;
  }

  private void enqueue(Object value) {
    if (value != null && !isSharedByTheJvm(value) && visited.put(value, Boolean.TRUE) == null) {
      pending.push(value);
    }
  }

  /** Objects a value points at but does not own. */
  private static boolean isSharedByTheJvm(Object value) {
    return value instanceof Class<?> || value instanceof Enum<?> || value instanceof ClassLoader
        || value instanceof Thread;
  }

  private long shallowAndEnqueueChildren(Object value) {
    Class<?> type = value.getClass();
    if (value instanceof String || value instanceof Number || value instanceof Boolean
        || value instanceof Character) {
      return leafSize(value);
    }
    if (type.isArray()) {
      return arraySize(value, type.getComponentType());
    }
    if (type.getName().startsWith("java.")) {
      if (value instanceof Collection<?> c) {
        return align(HEADER + 20) + align(ARRAY_HEADER + (long) REFERENCE * c.size()) + sampled(c);
      }
      if (value instanceof Map<?, ?> m) {
        return align(HEADER + 36) + align(ARRAY_HEADER + (long) REFERENCE * m.size()) + 32L * m.size()
            + sampled(m.keySet()) + sampled(m.values());
      }
    }
    ClassInfo info = CLASS_INFO.computeIfAbsent(type, ClassInfo::of);
    for (Field field : info.references) {
      try {
        enqueue(field.get(value));
      } catch (IllegalAccessException e) {
        // Closed to reflection: count only the reference itself, already in the shallow size.
      }
    }
    return info.shallowSize;
  }

  private long arraySize(Object array, Class<?> component) {
    int length = Array.getLength(array);
    if (component.isPrimitive()) {
      return align(ARRAY_HEADER + (long) length * primitiveSize(component));
    }
    long size = align(ARRAY_HEADER + (long) length * REFERENCE);
    Object[] objects = (Object[]) array;
    if (length <= SAMPLE_THRESHOLD) {
      for (Object element : objects) {
        enqueue(element);
      }
      return size;
    }
    return size + sampleElements(objects, length);
  }

  /** Estimates {@code SAMPLES} evenly spread elements on their own and scales to the whole array. */
  private long sampleElements(Object[] objects, int length) {
    long sampled = 0;
    int step = length / SAMPLES;
    for (int i = 0; i < SAMPLES; i++) {
      sampled += estimate(objects[i * step]);
    }
    return sampled * length / SAMPLES;
  }

  private long sampled(Collection<?> values) {
    int size = values.size();
    if (size <= SAMPLE_THRESHOLD) {
      for (Object element : values) {
        enqueue(element);
      }
      return 0;
    }
    if (values instanceof List<?> list && values instanceof RandomAccess) {
      return sampleElements(list.toArray(), size);
    }
    Object[] first = new Object[SAMPLES];
    int i = 0;
    for (Object element : values) {
      if (i == SAMPLES) {
        break;
      }
      first[i++] = element;
    }
    long sampled = 0;
    for (Object element : first) {
      sampled += estimate(element);
    }
    return sampled * size / SAMPLES;
  }

  private static long align(long bytes) {
    return (bytes + 7) & ~7L;
  }

  private static int primitiveSize(Class<?> type) {
    if (type == long.class || type == double.class) {
      return 8;
    }
    if (type == int.class || type == float.class) {
      return 4;
    }
    if (type == short.class || type == char.class) {
      return 2;
    }
    return 1;
  }

  /** The shallow size of a class and its reference fields that can be read. */
  private record ClassInfo(long shallowSize, Field[] references) {
    static ClassInfo of(Class<?> type) {
      long size = HEADER;
      List<Field> references = new ArrayList<>();
      for (Class<?> c = type; c != null; c = c.getSuperclass()) {
        for (Field field : c.getDeclaredFields()) {
          if (Modifier.isStatic(field.getModifiers())) {
            continue;
          }
          Class<?> fieldType = field.getType();
          size += fieldType.isPrimitive() ? primitiveSize(fieldType) : REFERENCE;
          if (!fieldType.isPrimitive() && field.trySetAccessible()) {
            references.add(field);
          }
        }
      }
      return new ClassInfo(align(size), references.toArray(new Field[0]));
    }
  }
}

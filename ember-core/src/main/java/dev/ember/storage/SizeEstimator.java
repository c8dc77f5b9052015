package dev.ember.storage;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Estimates how many heap bytes an object graph takes, for accounting cached values against the memory pool.
 * It walks the graph once (each object counted once), assuming a 64-bit JVM with compressed references:
 * 12-byte object headers, 4-byte references, 8-byte alignment. Large arrays of objects are
 * sampled; JDK strings, collections and maps, whose fields reflection cannot read, are estimated from their sizes.
 */
final class SizeEstimator {

  private static final int HEADER = 12;
  private static final int ARRAY_HEADER = 16;
  private static final int REFERENCE = 4;
  private static final int STRING = 24;
  private static final int ARRAY_SAMPLES = 100;
  private static final Map<Class<?>, ClassInfo> CLASSES = new ConcurrentHashMap<>();

  private SizeEstimator() {}

  /** The estimated bytes of {@code value} and everything it references. */
  static long estimate(Object value) {
    if (value == null) {
      return 0;
    }
    Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Object> pending = new ArrayDeque<>();
    pending.push(value);
    long total = 0;
    while (!pending.isEmpty()) {
      Object next = pending.pop();
      if (next == null || !seen.add(next)) {
        continue;
      }
      Class<?> type = next.getClass();
      if (type.isArray()) {
        total += visitArray(next, type, pending);
      } else if (next instanceof Class<?> || next instanceof ClassLoader || next instanceof Thread) {
        continue; // shared by the whole JVM, not owned by the value
      } else if (next instanceof String text) {
        total += STRING + align(ARRAY_HEADER + 2L * text.length());
      } else if (next instanceof Collection<?> collection && isJdkClass(type)) {
        // JDK collections hide their fields from reflection: count a slot per element and walk the elements.
        total += align(HEADER + 16) + align(ARRAY_HEADER + (long) collection.size() * (REFERENCE + 16));
        collection.forEach(pending::push);
      } else if (next instanceof Map<?, ?> map && isJdkClass(type)) {
        total += align(HEADER + 32) + align(ARRAY_HEADER + (long) map.size() * (REFERENCE + 32));
        map.forEach((k, v) -> {
          pending.push(k);
          pending.push(v);
        });
      } else {
        ClassInfo info = CLASSES.computeIfAbsent(type, SizeEstimator::describe);
        total += info.shallowSize;
        for (Field field : info.references) {
          try {
            pending.push(field.get(next));
          } catch (IllegalAccessException e) {
            // Counted as a reference only: the field's target cannot be read.
          }
        }
      }
    }
    return total;
  }

  private static long visitArray(Object array, Class<?> type, Deque<Object> pending) {
    int length = Array.getLength(array);
    Class<?> component = type.getComponentType();
    if (component.isPrimitive()) {
      return align(ARRAY_HEADER + (long) length * primitiveSize(component));
    }
    long shallow = align(ARRAY_HEADER + (long) length * REFERENCE);
    Object[] elements = (Object[]) array;
    if (length <= ARRAY_SAMPLES * 2) {
      for (Object element : elements) {
        pending.push(element);
      }
      return shallow;
    }
    // Sample evenly and scale up; elements of a big array are usually alike.
    long sampled = 0;
    int step = length / ARRAY_SAMPLES;
    for (int i = 0; i < length; i += step) {
      sampled += estimate(elements[i]);
    }
    return shallow + sampled * length / ((length + step - 1) / step);
  }

  private static ClassInfo describe(Class<?> type) {
    long size = HEADER;
    List<Field> references = new ArrayList<>();
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        if (Modifier.isStatic(field.getModifiers())) {
          continue;
        }
        Class<?> fieldType = field.getType();
        if (fieldType.isPrimitive()) {
          size += primitiveSize(fieldType);
        } else {
          size += REFERENCE;
          if (trySetAccessible(field)) {
            references.add(field);
          }
        }
      }
    }
    return new ClassInfo(align(size), references.toArray(new Field[0]));
  }

  private static boolean trySetAccessible(Field field) {
    try {
      return field.trySetAccessible();
    } catch (SecurityException e) {
      return false;
    }
  }

  private static boolean isJdkClass(Class<?> type) {
    return type.getModule().isNamed() && type.getModule().getName().startsWith("java.");
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

  private static long align(long size) {
    return (size + 7) & ~7L;
  }

  private record ClassInfo(long shallowSize, Field[] references) {}
}

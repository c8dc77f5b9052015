package dev.ember.serializer;

import java.io.Externalizable;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.ObjectStreamField;
import java.io.OutputStream;
import java.io.Serializable;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Finds which object in a graph made Java serialization fail, and how it was reached, so that a "task not
 * serializable" error can say "field {@code db} of class {@code Job$1}" instead of only naming a class.
 *
 * <p>It walks the graph the way {@link ObjectOutputStream} would: it follows {@code writeReplace}, skips
 * transient and static fields (it reads the serializable fields {@link ObjectStreamClass} reports), looks into
 * arrays, the captured arguments of serializable lambdas, and what {@code writeObject} or
 * {@code writeExternal} methods write. The path it returns reads from the culprit outwards, like Spark's:
 *
 * <pre>
 * - object not serializable (class: com.acme.Db, value: com.acme.Db@1b6d3586)
 * - field (class: com.acme.Holder, name: db, type: class com.acme.Db)
 * - object (class: com.acme.Holder, value: com.acme.Holder@4554617c)
 * </pre>
 */
public final class SerializationDebugger {

  private static final int MAX_VALUE_LENGTH = 100;

  private SerializationDebugger() {}

  /**
   * The path from {@code root} to the first object that cannot be serialized, culprit first; empty when the
   * debugger finds no culprit (then the failure came from elsewhere, say a failing {@code writeObject}).
   */
  public static List<String> find(Object root) {
    Walk walk = new Walk();
    walk.visit(root);
    List<String> path = new ArrayList<>(walk.found == null ? List.of() : walk.found);
    Collections.reverse(path);
    return List.copyOf(path);
  }

  /**
   * A message for the failure {@code error} of serializing {@code root}: the exception followed by
   * "Serialization stack:" and the path from {@link #find}, when one is found.
   */
  public static String describe(Object root, NotSerializableException error) {
    List<String> path;
    try {
      path = find(root);
    } catch (RuntimeException | StackOverflowError e) {
      // Never let the diagnosis hide the original failure.
      path = List.of();
    }
    StringBuilder message = new StringBuilder(error.toString());
    if (!path.isEmpty()) {
      message.append("\nSerialization stack:");
      for (String line : path) {
        message.append("\n\t- ").append(line);
      }
    }
    return message.toString();
  }

  /** The {@link NotSerializableException} in the cause chain of {@code t}, or {@code null}. */
  public static NotSerializableException notSerializableCause(Throwable t) {
    for (Throwable cause = t; cause != null; cause = cause.getCause()) {
      if (cause instanceof NotSerializableException found) {
        return found;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return null;
  }

  /** One depth-first walk; {@code stack} holds the path (outermost first) to the object being visited. */
  private static final class Walk {
    private final Set<Object> visited = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Deque<String> stack = new ArrayDeque<>();
    private List<String> found;

    void visit(Object value) {
      if (found != null || value == null || value instanceof Class<?> || value instanceof String
          || value instanceof Enum<?> || !visited.add(value)) {
        return;
      }
      Class<?> type = value.getClass();
      if (type.isArray()) {
        visitArray(value);
      } else if (!(value instanceof Serializable)) {
        stack.addLast("object not serializable (class: " + type.getName() + ", value: " + show(value) + ")");
        found = new ArrayList<>(stack);
      } else if (value instanceof SerializedLambda lambda) {
        visitLambda(lambda);
      } else {
        Object replaced = writeReplace(value);
        if (replaced != value && replaced != null) {
          within("object (class: " + type.getName() + ", value: " + show(value) + ")", () ->
              within("writeReplace data (class: " + replaced.getClass().getName() + ")", () -> visit(replaced)));
        } else if (value instanceof Externalizable) {
          within("externalizable object (class: " + type.getName() + ", value: " + show(value) + ")",
              () -> visitWritten(value));
        } else {
          within("object (class: " + type.getName() + ", value: " + show(value) + ")", () -> visitFields(value));
        }
      }
    }

    private void visitArray(Object array) {
      if (array.getClass().getComponentType().isPrimitive()) {
        return;
      }
      within("array (class: " + array.getClass().getName() + ", size: " + Array.getLength(array) + ")", () -> {
        for (int i = 0; i < Array.getLength(array) && found == null; i++) {
          Object element = Array.get(array, i);
          within("element of array (index: " + i + ")", () -> visit(element));
        }
      });
    }

    private void visitLambda(SerializedLambda lambda) {
      String name = lambda.getCapturingClass().replace('/', '.') + "." + lambda.getImplMethodName();
      for (int i = 0; i < lambda.getCapturedArgCount() && found == null; i++) {
        Object argument = lambda.getCapturedArg(i);
        String type = argument == null ? "null" : argument.getClass().getName();
        within("captured argument (index: " + i + ", class: " + type + ", of lambda " + name + ")",
            () -> visit(argument));
      }
    }

    /** Visits the serializable fields, class by class, or what a custom writeObject writes. */
    private void visitFields(Object value) {
      List<Class<?>> hierarchy = new ArrayList<>();
      for (Class<?> c = value.getClass(); c != null && Serializable.class.isAssignableFrom(c); c = c.getSuperclass()) {
        hierarchy.add(0, c);
      }
      for (Class<?> c : hierarchy) {
        if (found != null) {
          return;
        }
        if (hasPrivateMethod(c, "writeObject", ObjectOutputStream.class) || !visitDeclaredFields(value, c)) {
          within("writeObject data (class: " + c.getName() + ")", () -> visitWritten(value));
          return;
        }
      }
    }

    /** Visits the object fields {@code c} declares; false if they cannot be read (an encapsulated JDK class). */
    private boolean visitDeclaredFields(Object value, Class<?> c) {
      ObjectStreamClass descriptor = ObjectStreamClass.lookup(c);
      if (descriptor == null) {
        return true;
      }
      List<Object[]> children = new ArrayList<>();
      for (ObjectStreamField streamField : descriptor.getFields()) {
        if (streamField.isPrimitive()) {
          continue;
        }
        try {
          Field field = c.getDeclaredField(streamField.getName());
          if (Modifier.isStatic(field.getModifiers()) || Modifier.isTransient(field.getModifiers())) {
            continue;
          }
          field.setAccessible(true);
          children.add(new Object[] {field, field.get(value)});
        } catch (NoSuchFieldException e) {
          // A serialPersistentFields entry with no real field: only writeObject knows what it holds.
          return false;
        } catch (ReflectiveOperationException | RuntimeException e) {
          return false;
        }
      }
      for (Object[] child : children) {
        Field field = (Field) child[0];
        within("field (class: " + c.getName() + ", name: " + field.getName() + ", type: " + field.getType() + ")",
            () -> visit(child[1]));
        if (found != null) {
          return true;
        }
      }
      return true;
    }

    /** Visits the objects that serializing {@code value} writes directly (through writeObject or otherwise). */
    private void visitWritten(Object value) {
      for (Object child : WrittenObjectsCollector.collect(value)) {
        visit(child);
        if (found != null) {
          return;
        }
      }
    }

    private void within(String step, Runnable body) {
      stack.addLast(step);
      body.run();
      stack.removeLast();
    }
  }

  private static Object writeReplace(Object value) {
    Method method = findInheritedMethod(value.getClass(), "writeReplace");
    if (method == null) {
      return value;
    }
    try {
      method.setAccessible(true);
      return method.invoke(value);
    } catch (InvocationTargetException | IllegalAccessException | RuntimeException e) {
      return value;
    }
  }

  private static Method findInheritedMethod(Class<?> type, String name) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      try {
        Method method = c.getDeclaredMethod(name);
        boolean isPrivate = Modifier.isPrivate(method.getModifiers());
        return isPrivate && c != type ? null : method;
      } catch (NoSuchMethodException e) {
        // Look in the superclass.
      }
    }
    return null;
  }

  private static boolean hasPrivateMethod(Class<?> c, String name, Class<?>... parameters) {
    try {
      return Modifier.isPrivate(c.getDeclaredMethod(name, parameters).getModifiers());
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  private static String show(Object value) {
    String text;
    try {
      text = String.valueOf(value);
    } catch (RuntimeException e) {
      text = value.getClass().getName() + " (toString failed: " + e + ")";
    }
    return text.length() > MAX_VALUE_LENGTH ? text.substring(0, MAX_VALUE_LENGTH) + "..." : text;
  }

  /**
   * Serializes one object to nowhere and records, without following them, the objects it writes directly:
   * {@code replaceObject} sees each one first and swaps it for {@code null}.
   */
  private static final class WrittenObjectsCollector extends ObjectOutputStream {
    private final Object root;
    private final List<Object> written = new ArrayList<>();
    private boolean rootSeen;

    private WrittenObjectsCollector(Object root) throws IOException {
      super(OutputStream.nullOutputStream());
      this.root = root;
      enableReplaceObject(true);
    }

    static List<Object> collect(Object value) {
      WrittenObjectsCollector out;
      try {
        out = new WrittenObjectsCollector(value);
      } catch (IOException e) {
        return List.of();
      }
      try (out) {
        out.writeObject(value);
      } catch (IOException | RuntimeException e) {
        // What was recorded before the failure is still worth visiting.
      }
      return out.written;
    }

    @Override
    protected Object replaceObject(Object obj) {
      if (!rootSeen && obj == root) {
        rootSeen = true;
        return obj;
      }
      if (obj instanceof String || obj instanceof Number || obj instanceof Boolean || obj instanceof Character) {
        return obj;
      }
      written.add(obj);
      return null;
    }
  }
}

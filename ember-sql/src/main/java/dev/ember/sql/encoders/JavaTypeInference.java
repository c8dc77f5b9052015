package dev.ember.sql.encoders;

import dev.ember.sql.AnalysisException;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The codec of a bean property's Java type, as Spark's JavaTypeInference infers it: the {@link ValueType}
 * classes and their primitives, {@code byte[]} as binary, other arrays and {@code List}s (or any
 * {@code Collection}) as arrays, {@code Map}s as maps and other classes with bean properties as structs.
 * Failures name the walked type path the way Spark prints it (innermost first, then the root class).
 */
final class JavaTypeInference {

  private JavaTypeInference() {}

  /**
   * The codec of {@code type}; {@code path} holds Spark's walked-type-path lines down to it (innermost first)
   * and {@code seen} the bean classes being inferred around it, to refuse circular references.
   */
  static FieldCodec codecFor(Type type, List<String> path, Set<Class<?>> seen) {
    if (type instanceof Class<?> cls) {
      ValueType valueType = ValueType.forClass(cls);
      if (valueType != null) {
        return new LeafCodec(valueType, cls.isPrimitive());
      }
      if (cls.isArray()) {
        Class<?> component = cls.getComponentType();
        return new ArrayCodec(codecFor(component, step(path, "- array element class: \"" + component.getName()
            + "\""), seen), component);
      }
      if (!cls.isPrimitive() && !cls.isInterface() && !cls.getName().startsWith("java.")
          && !cls.isEnum() && BeanEncoder.isBean(cls)) {
        return new EncoderCodec(new BeanEncoder<>(cls, path, seen));
      }
    } else if (type instanceof GenericArrayType array) {
      Type component = array.getGenericComponentType();
      Class<?> raw = rawClass(component);
      if (raw != null) {
        return new ArrayCodec(codecFor(component, step(path, "- array element class: \"" + raw.getName()
            + "\""), seen), raw);
      }
    } else if (type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> raw) {
      Type[] arguments = parameterized.getActualTypeArguments();
      if (Collection.class.isAssignableFrom(raw) && raw.isAssignableFrom(ArrayList.class)) {
        return new ArrayCodec(codecFor(arguments[0], step(path, "- array element class: \""
            + arguments[0].getTypeName() + "\""), seen), null);
      }
      if (raw == Map.class || raw == java.util.HashMap.class || raw == java.util.LinkedHashMap.class) {
        return new MapCodec(codecFor(arguments[0], step(path, "- map key class: \"" + arguments[0].getTypeName()
            + "\""), seen), codecFor(arguments[1], step(path, "- map value class: \""
            + arguments[1].getTypeName() + "\""), seen));
      }
    }
    throw notFound(type, path);
  }

  private static Class<?> rawClass(Type type) {
    if (type instanceof Class<?> cls) {
      return cls;
    }
    if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> cls) {
      return cls;
    }
    return null;
  }

  /** {@code path} with {@code line} as its new innermost line. */
  static List<String> step(List<String> path, String line) {
    List<String> out = new ArrayList<>(path.size() + 1);
    out.add(line);
    out.addAll(path);
    return out;
  }

  /** ENCODER_NOT_FOUND for {@code type}, followed by the walked type path. */
  static AnalysisException notFound(Type type, List<String> path) {
    return new AnalysisException("ENCODER_NOT_FOUND", Map.of("typeName", "\"" + type.getTypeName() + "\""), -1,
        -1, path.isEmpty() ? "" : "\n" + String.join("\n", path));
  }
}

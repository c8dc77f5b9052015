package dev.ember.sql.encoders;

import dev.ember.sql.AnalysisException;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.beans.IntrospectionException;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Java bean as one column per property that has both a getter and a setter, in the order of their names
 * (as Spark's JavaTypeInference, which takes the properties from {@link Introspector}, sorted by name).
 * Properties of primitive types are non-nullable columns; {@code byte[]} is binary, other arrays and lists
 * are arrays, maps are maps and beans are struct columns, to any depth ({@link JavaTypeInference}). The
 * encoder holds the class, the property names and their codecs; the reflective accessors are looked up again
 * on the executor that first uses them.
 *
 * @param <T> the bean class
 */
public final class BeanEncoder<T> extends ExpressionEncoder<T> {

  private static final long serialVersionUID = 1L;
  private final Class<T> beanClass;
  private final List<String> names;
  private final List<FieldCodec> codecs;
  // Written last in lookUp, so a thread that sees it also sees the setters and the constructor.
  private transient volatile Method[] getters;
  private transient Method[] setters;
  private transient Constructor<T> constructor;

  /** The encoder of {@code beanClass}; fails with ENCODER_NOT_FOUND for properties no column can hold. */
  public BeanEncoder(Class<T> beanClass) {
    this(beanClass, List.of(), Set.of());
  }

  /**
   * The encoder of {@code beanClass} found at {@code path} (Spark's walked type path, innermost first) inside
   * the beans {@code seen}.
   */
  BeanEncoder(Class<T> beanClass, List<String> path, Set<Class<?>> seen) {
    this.beanClass = beanClass;
    if (seen.contains(beanClass)) {
      throw new AnalysisException("CIRCULAR_CLASS_REFERENCE", Map.of("t", "\"" + beanClass.getName() + "\""));
    }
    Set<Class<?>> inside = new HashSet<>(seen);
    inside.add(beanClass);
    List<String> root = path.isEmpty() ? List.of("- root class: \"" + beanClass.getName() + "\"") : path;
    List<String> n = new ArrayList<>();
    List<FieldCodec> c = new ArrayList<>();
    for (PropertyDescriptor property : properties(beanClass)) {
      java.lang.reflect.Type type = property.getReadMethod().getGenericReturnType();
      List<String> at = JavaTypeInference.step(root, "- field (class: \"" + type.getTypeName() + "\", name: \""
          + property.getName() + "\")");
      n.add(property.getName());
      c.add(JavaTypeInference.codecFor(type, at, inside));
    }
    this.names = List.copyOf(n);
    this.codecs = List.copyOf(c);
    try {
      beanClass.getConstructor();
    } catch (NoSuchMethodException e) {
      throw new AnalysisException("ENCODER_NOT_FOUND", Map.of("typeName", "\"" + beanClass.getName()
          + "\" (a bean needs a public constructor without arguments)"));
    }
  }

  /** Whether {@code type} has a public constructor without arguments and a property with getter and setter. */
  static boolean isBean(Class<?> type) {
    try {
      type.getConstructor();
    } catch (NoSuchMethodException e) {
      return false;
    }
    return !properties(type).isEmpty();
  }

  private static List<PropertyDescriptor> properties(Class<?> beanClass) {
    try {
      List<PropertyDescriptor> result = new ArrayList<>();
      for (PropertyDescriptor d : Introspector.getBeanInfo(beanClass).getPropertyDescriptors()) {
        if (d.getReadMethod() != null && d.getWriteMethod() != null) {
          result.add(d);
        }
      }
      return result;
    } catch (IntrospectionException e) {
      throw new IllegalArgumentException("cannot read the properties of " + beanClass.getName(), e);
    }
  }

  /** The property names, in column order. */
  public List<String> propertyNames() {
    return names;
  }

  @Override
  public StructType schema() {
    List<StructField> fields = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      fields.add(new StructField(names.get(i), codecs.get(i).dataType(), codecs.get(i).nullable()));
    }
    return new StructType(fields);
  }

  @Override
  public Class<T> clsTag() {
    return beanClass;
  }

  private void lookUp() {
    if (getters != null) {
      return;
    }
    Method[] g = new Method[names.size()];
    Method[] s = new Method[names.size()];
    for (PropertyDescriptor d : properties(beanClass)) {
      int i = names.indexOf(d.getName());
      if (i >= 0) {
        g[i] = d.getReadMethod();
        s[i] = d.getWriteMethod();
      }
    }
    try {
      constructor = beanClass.getConstructor();
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(e);
    }
    setters = s;
    getters = g;
  }

  @Override
  public Object[] toRow(T value) {
    if (value == null) {
      throw new NullPointerException("Null value appeared in non-nullable field: top level bean of class "
          + beanClass.getName());
    }
    lookUp();
    Object[] row = new Object[names.size()];
    try {
      for (int i = 0; i < row.length; i++) {
        row[i] = codecs.get(i).toInternal(getters[i].invoke(value));
      }
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read a property of " + beanClass.getName(), e);
    }
    return row;
  }

  @Override
  public T fromRow(Object[] row) {
    lookUp();
    try {
      T bean = constructor.newInstance();
      for (int i = 0; i < row.length; i++) {
        if (row[i] == null && !codecs.get(i).nullable()) {
          throw new NullPointerException("Null value appeared in non-nullable field:\n- field (class: \""
              + setters[i].getParameterTypes()[0].getName() + "\", name: \"" + names.get(i) + "\")\n- root class: \""
              + beanClass.getName() + "\"\nIf the schema is inferred from a Java bean, please try to use nullable "
              + "types (e.g. java.lang.Integer instead of int).");
        }
        setters[i].invoke(bean, codecs.get(i).toExternal(row[i]));
      }
      return bean;
    } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot build a " + beanClass.getName(), e);
    }
  }

  @Override
  public boolean bindsByPosition() {
    return false;
  }
}

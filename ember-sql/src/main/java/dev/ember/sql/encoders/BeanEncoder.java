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
import java.util.List;
import java.util.Map;

/**
 * A Java bean as one column per property that has both a getter and a setter, in the order of their names
 * (as Spark's JavaTypeInference, which takes the properties from {@link Introspector}, sorted by name).
 * Properties of primitive types are non-nullable columns. The encoder holds the class and the property
 * names; the reflective accessors are looked up again on the executor that first uses them.
 *
 * @param <T> the bean class
 */
public final class BeanEncoder<T> extends ExpressionEncoder<T> {

  private static final long serialVersionUID = 1L;
  private final Class<T> beanClass;
  private final List<String> names;
  private final List<ValueType> types;
  private final List<Boolean> primitive;
  // Written last in lookUp, so a thread that sees it also sees the setters and the constructor.
  private transient volatile Method[] getters;
  private transient Method[] setters;
  private transient Constructor<T> constructor;

  /** The encoder of {@code beanClass}; fails for properties of types that are not single columns. */
  public BeanEncoder(Class<T> beanClass) {
    this.beanClass = beanClass;
    List<String> n = new ArrayList<>();
    List<ValueType> t = new ArrayList<>();
    List<Boolean> p = new ArrayList<>();
    for (PropertyDescriptor property : properties(beanClass)) {
      Class<?> type = property.getPropertyType();
      ValueType valueType = ValueType.forClass(type);
      if (valueType == null) {
        throw unsupportedProperty(beanClass, property.getName(), type);
      }
      n.add(property.getName());
      t.add(valueType);
      p.add(type.isPrimitive());
    }
    this.names = List.copyOf(n);
    this.types = List.copyOf(t);
    this.primitive = List.copyOf(p);
    try {
      beanClass.getConstructor();
    } catch (NoSuchMethodException e) {
      throw new AnalysisException("ENCODER_NOT_FOUND", Map.of("typeName", "\"" + beanClass.getName()
          + "\" (a bean needs a public constructor without arguments)"));
    }
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

  private static AnalysisException unsupportedProperty(Class<?> beanClass, String property, Class<?> type) {
    if (type.isArray() || java.util.Collection.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type)) {
      return AnalysisException.unsupported("the array or map property " + property + " of bean "
          + beanClass.getName() + " (array and map columns are not built yet)");
    }
    if (!type.isPrimitive() && !type.getName().startsWith("java.") && !properties(type).isEmpty()) {
      return AnalysisException.unsupported("the nested bean property " + property + " of bean "
          + beanClass.getName() + " (it would be a struct column, and struct columns are not built yet)");
    }
    return new AnalysisException("ENCODER_NOT_FOUND", Map.of("typeName", "\"" + type.getName() + "\""));
  }

  /** The property names, in column order. */
  public List<String> propertyNames() {
    return names;
  }

  @Override
  public StructType schema() {
    List<StructField> fields = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      fields.add(new StructField(names.get(i), types.get(i).dataType(), !primitive.get(i)));
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
        row[i] = types.get(i).toInternal(getters[i].invoke(value));
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
        if (row[i] == null && primitive.get(i)) {
          throw new NullPointerException("Null value appeared in non-nullable field:\n- field (class: \""
              + setters[i].getParameterTypes()[0].getName() + "\", name: \"" + names.get(i) + "\")\n- root class: \""
              + beanClass.getName() + "\"\nIf the schema is inferred from a Java bean, please try to use nullable "
              + "types (e.g. java.lang.Integer instead of int).");
        }
        setters[i].invoke(bean, types.get(i).toExternal(row[i]));
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

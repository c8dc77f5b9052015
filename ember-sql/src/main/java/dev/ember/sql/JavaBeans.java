package dev.ember.sql;

import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.StructType;
import java.beans.BeanInfo;
import java.beans.IntrospectionException;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * {@code createDataFrame(beans, BeanClass)} for classes that are not full beans (read-only properties, or no
 * public constructor without arguments), which Spark reads through their getters: one column per readable
 * bean property, sorted by name as Spark
 * orders bean fields, typed from the getter (int/Integer int, long/Long bigint, double/Double double, boolean
 * boolean, String string, LocalDate date).
 */
final class JavaBeans {

  private static final Map<Class<?>, DataType> TYPES = Map.ofEntries(
      Map.entry(int.class, DataTypes.IntegerType), Map.entry(Integer.class, DataTypes.IntegerType),
      Map.entry(long.class, DataTypes.LongType), Map.entry(Long.class, DataTypes.LongType),
      Map.entry(double.class, DataTypes.DoubleType), Map.entry(Double.class, DataTypes.DoubleType),
      Map.entry(boolean.class, DataTypes.BooleanType), Map.entry(Boolean.class, DataTypes.BooleanType),
      Map.entry(String.class, DataTypes.StringType), Map.entry(LocalDate.class, DataTypes.DateType));

  private JavaBeans() {}

  /** Whether {@code beanClass} has a public no-argument constructor and a setter for every readable property. */
  static boolean isFullBean(Class<?> beanClass) {
    try {
      beanClass.getConstructor();
    } catch (NoSuchMethodException e) {
      return false;
    }
    return properties(beanClass).stream().allMatch(p -> p.getWriteMethod() != null);
  }

  static Dataset<Row> createDataFrame(EmberSession session, List<?> beans, Class<?> beanClass) {
    List<PropertyDescriptor> properties = properties(beanClass);
    StructType schema = new StructType();
    for (PropertyDescriptor p : properties) {
      Class<?> type = p.getReadMethod().getReturnType();
      DataType dataType = TYPES.get(type);
      if (dataType == null) {
        throw AnalysisException.unsupported("bean property " + beanClass.getSimpleName() + "." + p.getName()
            + " of type " + type.getName());
      }
      schema = schema.add(p.getName(), dataType, !type.isPrimitive());
    }
    List<Row> rows = new ArrayList<>(beans.size());
    for (Object bean : beans) {
      Object[] values = new Object[properties.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = read(properties.get(i).getReadMethod(), bean);
      }
      rows.add(RowFactory.create(values));
    }
    return session.createDataFrame(rows, schema);
  }

  private static List<PropertyDescriptor> properties(Class<?> beanClass) {
    BeanInfo info;
    try {
      info = Introspector.getBeanInfo(beanClass, Object.class);
    } catch (IntrospectionException e) {
      throw new IllegalArgumentException("Cannot read the properties of bean class " + beanClass.getName(), e);
    }
    List<PropertyDescriptor> properties = new ArrayList<>();
    for (PropertyDescriptor p : info.getPropertyDescriptors()) {
      if (p.getReadMethod() != null) {
        properties.add(p);
      }
    }
    properties.sort(Comparator.comparing(PropertyDescriptor::getName));
    return properties;
  }

  private static Object read(Method getter, Object bean) {
    try {
      return getter.invoke(bean);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalArgumentException("Cannot read " + getter.getName() + " of " + bean, e);
    }
  }
}

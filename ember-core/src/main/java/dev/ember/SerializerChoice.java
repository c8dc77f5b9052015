package dev.ember;

import dev.ember.serializer.JavaSerializer;
import dev.ember.serializer.Serializer;

/**
 * Picks the data serializer named by {@code spark.serializer}, accepting Spark's class names; Kryo when unset,
 * as it is several times faster and smaller than Java serialization for shuffle and cached data.
 */
final class SerializerChoice {

  private SerializerChoice() {}

  static Serializer fromConf(EmberConf conf) {
    String name = conf.get("ember.serializer", "dev.ember.serializer.KryoSerializer");
    String className = switch (name) {
      case "org.apache.spark.serializer.JavaSerializer", "java" -> "dev.ember.serializer.JavaSerializer";
      case "org.apache.spark.serializer.KryoSerializer", "kryo" -> "dev.ember.serializer.KryoSerializer";
      default -> name;
    };
    if (className.equals(JavaSerializer.class.getName())) {
      return new JavaSerializer();
    }
    try {
      Class<?> type = Class.forName(className, true, Thread.currentThread().getContextClassLoader());
      try {
        return (Serializer) type.getConstructor(EmberConf.class).newInstance(conf);
      } catch (NoSuchMethodException e) {
        return (Serializer) type.getConstructor().newInstance();
      }
    } catch (ReflectiveOperationException | ClassCastException e) {
      throw new EmberException("INVALID_SERIALIZER", "spark.serializer names '" + name + "', which is not a "
          + "usable serializer class (" + e + "). Use org.apache.spark.serializer.KryoSerializer, "
          + "org.apache.spark.serializer.JavaSerializer, or a class implementing dev.ember.serializer.Serializer.",
          e);
    }
  }
}

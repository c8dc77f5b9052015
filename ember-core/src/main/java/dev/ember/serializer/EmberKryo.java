package dev.ember.serializer;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.util.DefaultInstantiatorStrategy;
import java.io.Externalizable;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import org.objenesis.strategy.StdInstantiatorStrategy;

/**
 * A Kryo configured for data: no registration needed, instantiation without constructors when a class has no
 * no-argument one, and Java serialization for classes that customise their Java serialization (Kryo would
 * bypass that logic and could produce broken objects, e.g. for exceptions or classes with transient caches).
 */
final class EmberKryo extends Kryo {

  private final com.esotericsoftware.kryo.serializers.JavaSerializer javaSerializer =
      new com.esotericsoftware.kryo.serializers.JavaSerializer();
  /** The classes Kryo failed to write, written with Java serialization from then on. */
  final java.util.Set<Class<?>> javaFallbackClasses = new java.util.HashSet<>();

  private EmberKryo() {}

  static EmberKryo create(boolean referenceTracking) {
    EmberKryo kryo = new EmberKryo();
    kryo.setRegistrationRequired(false);
    kryo.setReferences(referenceTracking);
    if (referenceTracking) {
      kryo.setReferenceResolver(new ImmutableAwareReferenceResolver());
    }
    kryo.setInstantiatorStrategy(new DefaultInstantiatorStrategy(new StdInstantiatorStrategy()));
    kryo.addDefaultSerializer(JavaFallback.class, new JavaFallback.KryoSerializerOfFallback());
    PrimitiveArraySerializers.register(kryo);
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    kryo.setClassLoader(loader != null ? loader : EmberKryo.class.getClassLoader());
    return kryo;
  }

  @Override
  protected com.esotericsoftware.kryo.Serializer newDefaultSerializer(Class type) {
    if (customisesJavaSerialization(type)) {
      return javaSerializer;
    }
    return super.newDefaultSerializer(type);
  }

  /** Whether {@code type} is Serializable and defines its own serialized form somewhere in its hierarchy. */
  static boolean customisesJavaSerialization(Class<?> type) {
    if (!Serializable.class.isAssignableFrom(type)) {
      return false;
    }
    if (Externalizable.class.isAssignableFrom(type)) {
      return true;
    }
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      if (declares(c, "writeObject", ObjectOutputStream.class) || declares(c, "readObject", ObjectInputStream.class)
          || declares(c, "writeReplace") || declares(c, "readResolve")) {
        return true;
      }
    }
    return false;
  }

  private static boolean declares(Class<?> type, String name, Class<?>... parameters) {
    try {
      type.getDeclaredMethod(name, parameters);
      return true;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }
}

package dev.ember.serializer;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectStreamClass;

/**
 * Java deserialization that resolves classes through a given loader first, so executors find the
 * application's classes; used by {@link JavaSerializer} and by Kryo's {@link JavaFallback}.
 */
final class LoaderObjectInputStream extends ObjectInputStream {

  private final ClassLoader loader;

  LoaderObjectInputStream(InputStream in, ClassLoader loader) throws IOException {
    super(in);
    this.loader = loader;
  }

  @Override
  protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
    try {
      return ResolvedClasses.forName(desc.getName(), loader);
    } catch (ClassNotFoundException e) {
      return super.resolveClass(desc);
    }
  }
}

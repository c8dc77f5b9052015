package dev.ember.serializer;

import com.esotericsoftware.kryo.util.MapReferenceResolver;

/**
 * Kryo's reference tracking without strings: a string is immutable, so writing it again where it repeats in one
 * object graph reads back equal, and the common record of a string and a boxed number then adds nothing to the
 * written-objects map. Kryo clears that map after every top-level object, a fill of its whole table whenever it
 * holds anything; records with a string key each paid for it.
 */
final class ImmutableAwareReferenceResolver extends MapReferenceResolver {

  @Override
  public boolean useReferences(Class type) {
    return type != String.class && super.useReferences(type);
  }
}

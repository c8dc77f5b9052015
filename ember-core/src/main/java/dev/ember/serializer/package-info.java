/** Serializers for closures (Java serialization) and for data (shuffle records, cached blocks, results). */
package dev.ember.serializer;

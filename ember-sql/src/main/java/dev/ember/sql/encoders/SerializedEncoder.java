package dev.ember.sql.encoders;

import dev.ember.EmberConf;
import dev.ember.EmberEnv;
import dev.ember.EmberException;
import dev.ember.serializer.JavaSerializer;
import dev.ember.serializer.KryoSerializer;
import dev.ember.serializer.Serializer;
import dev.ember.serializer.SerializerInstance;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Objects of any class as one nullable binary column {@code value} holding their serialized bytes, as Spark's
 * {@code Encoders.kryo} and {@code Encoders.javaSerialization}: Kryo configured by the running environment's
 * {@code spark.kryoserializer.*} and {@code spark.kryo.referenceTracking} settings, or Java serialization.
 * A serializer instance is made per thread on first use, since instances are not thread-safe.
 *
 * @param <T> the class of the objects
 */
public final class SerializedEncoder<T> extends ExpressionEncoder<T> {

  private static final long serialVersionUID = 1L;
  private final Class<T> type;
  private final boolean kryo;
  private transient ThreadLocal<SerializerInstance> instances;

  /** Objects of {@code type} serialized by Kryo ({@code kryo}) or by Java serialization. */
  public SerializedEncoder(Class<T> type, boolean kryo) {
    this.type = java.util.Objects.requireNonNull(type, "type is null");
    this.kryo = kryo;
  }

  private SerializerInstance instance() {
    if (instances == null) {
      instances = ThreadLocal.withInitial(() -> serializer(kryo).newInstance());
    }
    return instances.get();
  }

  private static Serializer serializer(boolean kryo) {
    if (!kryo) {
      return new JavaSerializer();
    }
    EmberConf conf;
    try {
      conf = EmberEnv.get().conf();
    } catch (EmberException e) {
      // No context in this JVM (an encoder used on its own): Spark's defaults.
      return new KryoSerializer();
    }
    return new KryoSerializer(conf);
  }

  @Override
  public StructType schema() {
    return new StructType(List.of(new StructField("value", DataTypes.BinaryType, true)));
  }

  @Override
  public Class<T> clsTag() {
    return type;
  }

  @Override
  public Object[] toRow(T value) {
    if (value == null) {
      return new Object[] {null};
    }
    ByteBuffer bytes = instance().serialize(value);
    byte[] out = new byte[bytes.remaining()];
    bytes.get(out);
    return new Object[] {out};
  }

  @Override
  public T fromRow(Object[] row) {
    if (row[0] == null) {
      return null;
    }
    return type.cast(instance().deserialize(ByteBuffer.wrap((byte[]) row[0])));
  }

  @Override
  public boolean bindsByPosition() {
    return true;
  }

  @Override
  public boolean isFlat() {
    return true;
  }

  @Override
  public String toString() {
    return "class[value[0]: binary]";
  }
}

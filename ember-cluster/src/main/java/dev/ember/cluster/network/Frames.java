package dev.ember.cluster.network;

import dev.ember.EmberException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;

/**
 * The frame layout inside the 4-byte length prefix: a type byte, a request id (0 when none) and the body,
 * which is Java-serialized for messages and raw for {@link RawBytes} and the handshake.
 */
final class Frames {

  static final byte AUTH_CHALLENGE = 1;
  static final byte AUTH_RESPONSE = 2;
  static final byte AUTH_OK = 3;
  static final byte REQUEST = 4;
  static final byte RESPONSE = 5;
  static final byte RAW_RESPONSE = 6;
  static final byte FAILURE = 7;
  static final byte ONE_WAY = 8;

  /**
   * The largest frame accepted (256 MiB): an application jar or a serialized task must fit; shuffle slices
   * travel in 1 MiB chunks. The bound also caps what an unauthenticated peer can make this side buffer.
   */
  static final int MAX_FRAME = 256 << 20;

  private Frames() {}

  static ByteBuf frame(ByteBufAllocator allocator, byte type, long id, byte[] body) {
    ByteBuf buf = allocator.buffer(9 + body.length);
    buf.writeByte(type);
    buf.writeLong(id);
    buf.writeBytes(body);
    return buf;
  }

  static byte[] serialize(Object message) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(message);
    } catch (IOException e) {
      throw new EmberException("RPC_SERIALIZATION_FAILED", "Could not serialize message "
          + message.getClass().getName() + ": " + e, e);
    }
    return bytes.toByteArray();
  }

  static Object deserialize(byte[] body, ClassLoader loader) {
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(body)) {
      @Override
      protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
        try {
          return Class.forName(desc.getName(), false, loader);
        } catch (ClassNotFoundException e) {
          return super.resolveClass(desc);
        }
      }
    }) {
      return in.readObject();
    } catch (IOException | ClassNotFoundException e) {
      throw new EmberException("RPC_SERIALIZATION_FAILED", "Could not read a message: " + e, e);
    }
  }
}

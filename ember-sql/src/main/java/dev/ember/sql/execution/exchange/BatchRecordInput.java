package dev.ember.sql.execution.exchange;

import dev.ember.serializer.DeserializationStream;
import dev.ember.serializer.EndOfStreamException;
import dev.ember.serializer.SerializationFailedException;
import dev.ember.sql.execution.vector.BatchBytesReader;
import dev.ember.sql.execution.vector.ColumnarBatchCodec;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.UncheckedIOException;

/** Reads the records {@link BatchRecordOutput} wrote; batches are decoded from one reused byte buffer. */
final class BatchRecordInput implements DeserializationStream {

  private final InputStream in;
  private byte[] scratch = new byte[64 * 1024];

  BatchRecordInput(InputStream in) {
    this.in = in;
  }

  @SuppressWarnings("unchecked")
  <T> T readRecord() {
    try {
      int tag = in.read();
      if (tag < 0) {
        throw new EndOfStreamException();
      }
      if (tag == BatchRecordOutput.TAG_INT) {
        readFully(4);
        return (T) (Integer) new BatchBytesReader(scratch, 0, 4).readInt();
      }
      int length = readLength();
      readFully(length);
      if (tag == BatchRecordOutput.TAG_BATCH) {
        return (T) ColumnarBatchCodec.read(new BatchBytesReader(scratch, 0, length));
      }
      if (tag == BatchRecordOutput.TAG_JAVA) {
        try (ObjectInputStream objects = new ObjectInputStream(new ByteArrayInputStream(scratch, 0, length))) {
          return (T) objects.readObject();
        }
      }
      throw new SerializationFailedException("Corrupt exchange record: unknown tag " + tag, null);
    } catch (EOFException e) {
      throw new SerializationFailedException("An exchange record is truncated: " + e, e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ClassNotFoundException | IllegalStateException e) {
      throw new SerializationFailedException("Could not read an exchange record: " + e, e);
    }
  }

  private int readLength() throws IOException {
    readFully(4);
    int length = new BatchBytesReader(scratch, 0, 4).readInt();
    if (length < 0) {
      throw new SerializationFailedException("Corrupt exchange record: length " + length, null);
    }
    return length;
  }

  private void readFully(int length) throws IOException {
    if (scratch.length < length) {
      scratch = new byte[Math.max(length, scratch.length * 2)];
    }
    int done = 0;
    while (done < length) {
      int n = in.read(scratch, done, length - done);
      if (n < 0) {
        throw new EOFException(done + " of " + length + " bytes");
      }
      done += n;
    }
  }

  @Override
  public <T> T readObject() {
    return readRecord();
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

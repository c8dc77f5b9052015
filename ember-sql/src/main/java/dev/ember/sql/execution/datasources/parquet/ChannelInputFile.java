package dev.ember.sql.execution.datasources.parquet;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;

/**
 * A local Parquet file read through a {@link FileChannel}: column chunks are read straight into the buffers
 * parquet-java hands over. parquet-java's {@code LocalInputFile} reads each chunk into a new array of its size
 * (which the JVM zeroes) through {@code RandomAccessFile}, whose native read copies through a buffer of its own,
 * and then copies the array into the chunk's buffer.
 */
final class ChannelInputFile implements InputFile {

  /** The most read by one call, so the JDK's temporary direct buffer for a read stays small. */
  private static final int MAX_READ = 1 << 20;

  private final Path path;
  private long length = -1;

  ChannelInputFile(Path path) {
    this.path = path;
  }

  @Override
  public long getLength() throws IOException {
    if (length < 0) {
      length = Files.size(path);
    }
    return length;
  }

  @Override
  public SeekableInputStream newStream() throws IOException {
    return new Stream(FileChannel.open(path, StandardOpenOption.READ));
  }

  @Override
  public String toString() {
    return path.toString();
  }

  /** A stream over the channel keeping its own position; positional reads leave the channel's unused. */
  private static final class Stream extends SeekableInputStream {

    private final FileChannel channel;
    private long position;

    Stream(FileChannel channel) {
      this.channel = channel;
    }

    @Override
    public long getPos() {
      return position;
    }

    @Override
    public void seek(long newPos) {
      this.position = newPos;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
      return read(ByteBuffer.wrap(bytes, offset, length));
    }

    @Override
    public int read(ByteBuffer buffer) throws IOException {
      if (!buffer.hasRemaining()) {
        return 0;
      }
      ByteBuffer part = buffer.remaining() <= MAX_READ ? buffer
          : buffer.slice(buffer.position(), MAX_READ);
      int n = channel.read(part, position);
      if (n > 0) {
        position += n;
        if (part != buffer) {
          buffer.position(buffer.position() + n);
        }
      }
      return n;
    }

    @Override
    public void readFully(byte[] bytes) throws IOException {
      readFully(ByteBuffer.wrap(bytes));
    }

    @Override
    public void readFully(byte[] bytes, int start, int len) throws IOException {
      readFully(ByteBuffer.wrap(bytes, start, len));
    }

    @Override
    public void readFully(ByteBuffer buffer) throws IOException {
      while (buffer.hasRemaining()) {
        if (read(buffer) < 0) {
          throw new EOFException("Reached the end of the Parquet file with " + buffer.remaining()
              + " bytes left to read");
        }
      }
    }

    @Override
    public void close() throws IOException {
      channel.close();
    }
  }
}

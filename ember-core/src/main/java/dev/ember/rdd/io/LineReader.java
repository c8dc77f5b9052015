package dev.ember.rdd.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads UTF-8 lines from a byte stream, ending a line at {@code \n}, {@code \r\n} or a lone {@code \r} as
 * Hadoop's {@code LineReader} does, and tells how many bytes each line took including its terminator, so a
 * reader of a byte range knows exactly where it is in the file. A line that lies inside the read buffer is
 * decoded straight from it; only lines that span buffer refills (or end in {@code \r}) are gathered first.
 */
public final class LineReader implements Closeable {

  private static final int BUFFER_SIZE = 64 * 1024;

  private final InputStream in;
  private final byte[] buffer = new byte[BUFFER_SIZE];
  private int bufferLength;
  private int bufferPos;
  private byte[] line = new byte[256];
  private int lineLength;
  private long lastLineBytes;

  /** Reads from {@code in}, which this reader closes. */
  public LineReader(InputStream in) {
    this.in = in;
  }

  /** The next line without its terminator, or {@code null} at the end of the stream. */
  public String readLine() throws IOException {
    lineLength = 0;
    long consumed = 0;
    boolean sawCarriageReturn = false;
    while (bufferPos < bufferLength || fill()) {
      if (sawCarriageReturn) {
        if (buffer[bufferPos] == '\n') {
          bufferPos++;
          consumed++;
        }
        return finish(consumed);
      }
      int from = bufferPos;
      while (bufferPos < bufferLength) {
        byte b = buffer[bufferPos++];
        if (b == '\n' || b == '\r') {
          consumed += bufferPos - from;
          if (b == '\n' && lineLength == 0) {
            // The whole line is in the buffer: decode it from there, without copying it first.
            lastLineBytes = consumed;
            return new String(buffer, from, bufferPos - 1 - from, StandardCharsets.UTF_8);
          }
          append(from, bufferPos - 1 - from);
          if (b == '\n') {
            return finish(consumed);
          }
          sawCarriageReturn = true;
          break;
        }
      }
      if (!sawCarriageReturn) {
        append(from, bufferPos - from);
        consumed += bufferPos - from;
      }
    }
    return consumed == 0 ? finishAtEnd() : finish(consumed);
  }

  /** The bytes the last {@link #readLine()} consumed, terminator included. */
  public long lastLineBytes() {
    return lastLineBytes;
  }

  private String finish(long consumed) {
    lastLineBytes = consumed;
    return new String(line, 0, lineLength, StandardCharsets.UTF_8);
  }

  private String finishAtEnd() {
    lastLineBytes = 0;
    return null;
  }

  private boolean fill() throws IOException {
    int n = in.read(buffer, 0, buffer.length);
    while (n == 0) {
      n = in.read(buffer, 0, buffer.length);
    }
    bufferPos = 0;
    bufferLength = Math.max(0, n);
    return n > 0;
  }

  private void append(int from, int length) {
    if (length == 0) {
      return;
    }
    if (lineLength + length > line.length) {
      line = Arrays.copyOf(line, Math.max(line.length * 2, lineLength + length));
    }
    System.arraycopy(buffer, from, line, lineLength, length);
    lineLength += length;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}

package dev.ember.sql.execution.datasources.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.parquet.io.SeekableInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Positional reads of a local file through a channel: across the per-call read limit, seeks, and the end. */
class ChannelInputFileTest {

  @TempDir
  Path dir;

  @Test
  void readsFullyAcrossTheReadLimitAfterSeeksAndFailsPastTheEnd() throws IOException {
    byte[] content = new byte[(3 << 20) + 17];
    for (int i = 0; i < content.length; i++) {
      content[i] = (byte) (i * 31 + (i >> 11));
    }
    Path file = dir.resolve("data.bin");
    Files.write(file, content);
    ChannelInputFile input = new ChannelInputFile(file);
    assertThat(input.getLength()).isEqualTo(content.length);
    try (SeekableInputStream stream = input.newStream()) {
      stream.seek(5);
      ByteBuffer buffer = ByteBuffer.allocate(content.length - 10);
      stream.readFully(buffer);
      assertThat(buffer.hasRemaining()).isFalse();
      assertThat(stream.getPos()).isEqualTo(content.length - 5);
      for (int i = 0; i < buffer.capacity(); i += 4099) {
        assertThat(buffer.get(i)).isEqualTo(content[i + 5]);
      }
      assertThat(buffer.get(buffer.capacity() - 1)).isEqualTo(content[content.length - 6]);
      assertThat(stream.read()).isEqualTo(content[content.length - 5] & 0xFF);
      byte[] tail = new byte[4];
      stream.readFully(tail);
      assertThat(tail[3]).isEqualTo(content[content.length - 1]);
      assertThat(stream.read()).isEqualTo(-1);
      stream.seek(content.length - 2);
      assertThatThrownBy(() -> stream.readFully(new byte[3])).isInstanceOf(EOFException.class)
          .hasMessageContaining("1 bytes left to read");
    }
  }
}

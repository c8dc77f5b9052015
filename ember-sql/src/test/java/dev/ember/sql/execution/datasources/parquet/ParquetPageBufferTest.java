package dev.ember.sql.execution.datasources.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.rdd.io.FileSplit;
import dev.ember.sql.execution.datasources.ScanMetrics;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.StructType;
import dev.ember.util.LongAccumulator;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.ParquetProperties.WriterVersion;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputDecompressor;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xerial.snappy.Snappy;

/**
 * Data pages decompressed into arrays the column decoders reuse from page to page: files of several row groups
 * and many pages, in every codec, dictionary and PLAIN encoded, in data pages V1 and V2, read whole with every
 * batch kept until the end, return the values written (each computed from its row number) and the same batches
 * as parquet-java's own decompression; the decompressors fill a lent array for one page only.
 */
class ParquetPageBufferTest {

  private static final int ROWS = 9000;
  private static final MessageType SCHEMA = MessageTypeParser.parseMessageType("message t { required int32 id;"
      + " optional int64 amount; required double price; optional binary name (STRING); optional binary tag; }");
  private static final StructType REQUIRED = new StructType().add("id", DataTypes.IntegerType, false)
      .add("amount", DataTypes.LongType).add("price", DataTypes.DoubleType, false).add("name", DataTypes.StringType)
      .add("tag", DataTypes.BinaryType);
  private static final CompressionCodecName[] CODECS = {CompressionCodecName.SNAPPY, CompressionCodecName.ZSTD,
      CompressionCodecName.GZIP, CompressionCodecName.UNCOMPRESSED};

  @TempDir
  Path dir;

  @AfterEach
  void restoreDefault() {
    System.clearProperty(ParquetPageCodecs.ENABLED_PROPERTY);
    System.clearProperty(ChunkBufferPool.ENABLED_PROPERTY);
  }

  private static Long amount(int i) {
    return i % 13 == 4 ? null : i * 1_000_003L - 7;
  }

  private static String name(int i, boolean fewValues) {
    if (i % 9 == 2) {
      return null;
    }
    // Long, distinct strings make pages of several kilobytes; few values make a dictionary.
    return fewValues ? "name-" + i % 17 : "customer#" + i + "-" + "x".repeat(i % 40);
  }

  private static byte[] tag(int i) {
    return i % 5 == 0 ? null : new byte[] {(byte) i, (byte) (i >> 8), (byte) (i % 7)};
  }

  private Path write(CompressionCodecName codec, boolean dictionary, WriterVersion version) throws IOException {
    Path file = dir.resolve(codec + "-" + dictionary + "-" + version + ".parquet");
    SimpleGroupFactory groups = new SimpleGroupFactory(SCHEMA);
    try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file)).withType(SCHEMA)
        .withCompressionCodec(codec).withDictionaryEncoding(dictionary).withWriterVersion(version)
        .withPageSize(4096).withDictionaryPageSize(4096).withRowGroupSize(16 * 1024L).build()) {
      for (int i = 0; i < ROWS; i++) {
        Group g = groups.newGroup().append("id", i).append("price", i / 4.0);
        if (amount(i) != null) {
          g.append("amount", amount(i));
        }
        if (name(i, dictionary) != null) {
          g.append("name", name(i, dictionary));
        }
        if (tag(i) != null) {
          g.append("tag", org.apache.parquet.io.api.Binary.fromConstantByteArray(tag(i)));
        }
        writer.write(g);
      }
    }
    return file;
  }

  private static ScanMetrics metrics() {
    return new ScanMetrics(new LongAccumulator(), new LongAccumulator(), new LongAccumulator());
  }

  private static ParquetColumnarReader open(Path file, ScanMetrics metrics) throws IOException {
    return new ParquetColumnarReader(new FileSplit(file.toString(), 0, Files.size(file), true), REQUIRED,
        List.of(), null, metrics);
  }

  /** Every row of the file as boxed values, read after all batches were taken from the reader. */
  private static List<List<Object>> readAll(Path file, boolean reuse, ScanMetrics metrics) throws IOException {
    System.setProperty(ParquetPageCodecs.ENABLED_PROPERTY, String.valueOf(reuse));
    System.setProperty(ChunkBufferPool.ENABLED_PROPERTY, String.valueOf(reuse));
    List<ColumnarBatch> batches = new ArrayList<>();
    open(file, metrics).forEachRemaining(batches::add);
    return rows(batches);
  }

  private static List<List<Object>> rows(List<ColumnarBatch> batches) {
    List<List<Object>> rows = new ArrayList<>();
    for (ColumnarBatch batch : batches) {
      for (int r = 0; r < batch.numRows(); r++) {
        List<Object> row = new ArrayList<>();
        for (int c = 0; c < REQUIRED.length(); c++) {
          Object value = batch.column(c).getBoxed(r);
          row.add(value instanceof byte[] bytes ? Arrays.toString(bytes) : value);
        }
        rows.add(row);
      }
    }
    return rows;
  }

  private static List<Object> expectedRow(int i, boolean dictionary) {
    return Arrays.asList(i, amount(i), i / 4.0, name(i, dictionary), tag(i) == null ? null
        : Arrays.toString(tag(i)));
  }

  @Test
  void everyCodecAndEncodingReadsTheValuesWrittenWithAndWithoutReuse() throws IOException {
    for (CompressionCodecName codec : CODECS) {
      for (boolean dictionary : new boolean[] {true, false}) {
        for (WriterVersion version : WriterVersion.values()) {
          Path file = write(codec, dictionary, version);
          ScanMetrics metrics = metrics();
          List<List<Object>> reused = readAll(file, true, metrics);
          assertThat(metrics.rowGroupsRead().value()).as("row groups of %s", file.getFileName())
              .isGreaterThanOrEqualTo(2);
          List<List<Object>> fresh = readAll(file, false, metrics());
          assertThat(reused).as("%s", file.getFileName()).hasSize(ROWS).isEqualTo(fresh);
          for (int i = 0; i < ROWS; i += 97) {
            assertThat(reused.get(i)).as("row %d of %s", i, file.getFileName()).isEqualTo(expectedRow(i, dictionary));
          }
          assertThat(reused.get(ROWS - 1)).isEqualTo(expectedRow(ROWS - 1, dictionary));
        }
      }
    }
  }

  @Test
  void aReaderClosedEarlyStopsAndLeavesTheFileReadable() throws IOException {
    Path file = write(CompressionCodecName.SNAPPY, false, WriterVersion.PARQUET_1_0);
    ParquetColumnarReader reader = open(file, metrics());
    ColumnarBatch first = reader.next();
    reader.close();
    reader.close();
    assertThat(first.column(3).getBoxed(0)).isEqualTo(name(0, false));
    assertThat(first.column(1).getBoxed(first.numRows() - 1)).isEqualTo(amount(first.numRows() - 1));
    assertThat(readAll(file, true, metrics())).hasSize(ROWS);
  }

  @Test
  void readersInterleavedOnOneThreadNeverShareABufferInUse() throws IOException {
    Path snappy = write(CompressionCodecName.SNAPPY, false, WriterVersion.PARQUET_1_0);
    Path plain = write(CompressionCodecName.UNCOMPRESSED, true, WriterVersion.PARQUET_2_0);
    List<List<Object>> expectedSnappy = readAll(snappy, false, metrics());
    List<List<Object>> expectedPlain = readAll(plain, false, metrics());
    System.setProperty(ParquetPageCodecs.ENABLED_PROPERTY, "true");
    System.setProperty(ChunkBufferPool.ENABLED_PROPERTY, "true");
    ParquetColumnarReader first = open(snappy, metrics());
    ParquetColumnarReader second = open(plain, metrics());
    List<ColumnarBatch> firstBatches = new ArrayList<>();
    List<ColumnarBatch> secondBatches = new ArrayList<>();
    // Alternate batch by batch: each reader's row groups are released to the thread's pool while the other's
    // row group is still being decoded.
    while (first.hasNext() || second.hasNext()) {
      if (first.hasNext()) {
        firstBatches.add(first.next());
      }
      if (second.hasNext()) {
        secondBatches.add(second.next());
      }
    }
    assertThat(rows(firstBatches)).isEqualTo(expectedSnappy);
    assertThat(rows(secondBatches)).isEqualTo(expectedPlain);
    assertThat(ChunkBufferPool.forThread().retainedBuffers()).isPositive();
  }

  @Test
  void aLentBufferServesOnePageAndSizesAreChecked() throws IOException {
    byte[] page = "abcdefghij".repeat(50).getBytes(StandardCharsets.UTF_8);
    byte[] compressed = Snappy.compress(page);
    ParquetPageCodecs codecs = new ParquetPageCodecs(new PlainParquetConfiguration());
    BytesInputDecompressor snappy = codecs.getDecompressor(CompressionCodecName.SNAPPY);
    PageBuffer buffer = new PageBuffer();
    codecs.lend(buffer);
    ByteBuffer first = snappy.decompress(BytesInput.from(compressed), page.length).toByteBuffer();
    ByteBuffer second = snappy.decompress(BytesInput.from(compressed), page.length).toByteBuffer();
    assertThat(first.array()).isSameAs(buffer.forPage(page.length));
    assertThat(second.array()).isNotSameAs(first.array());
    assertThat(Arrays.copyOfRange(first.array(), first.arrayOffset() + first.position(),
        first.arrayOffset() + first.limit())).isEqualTo(page);
    assertThat(Arrays.copyOfRange(second.array(), 0, page.length)).isEqualTo(page);
    assertThatThrownBy(() -> snappy.decompress(BytesInput.from(compressed), page.length + 1))
        .isInstanceOf(IOException.class).hasMessageContaining("decompresses to 500 bytes, not the 501");
    BytesInput raw = BytesInput.from(page);
    assertThat(codecs.getDecompressor(CompressionCodecName.UNCOMPRESSED).decompress(raw, page.length))
        .isSameAs(raw);
    codecs.release();
  }

  @Test
  void aPageBufferGrowsWithHeadroomAndKeepsNoHugeArray() {
    PageBuffer buffer = new PageBuffer();
    byte[] small = buffer.forPage(1000);
    assertThat(small.length).isEqualTo(1125);
    assertThat(buffer.forPage(1100)).isSameAs(small);
    assertThat(buffer.forPage(2000)).hasSize(2250);
    byte[] huge = buffer.forPage(PageBuffer.MAX_RETAINED + 1);
    assertThat(huge).hasSize(PageBuffer.MAX_RETAINED + 1);
    assertThat(buffer.retained()).isEqualTo(2250);
  }
}

package dev.ember.sql.execution.datasources.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.sql.EmberSession;
import dev.ember.sql.RowFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file's footer is parsed once per version of the file; a rewritten file is read anew. */
class ParquetFootersTest {

  private static EmberSession session;

  @TempDir
  Path dir;

  @BeforeAll
  static void start() {
    session = EmberSession.builder().master("local[2]").appName("ParquetFootersTest").getOrCreate();
  }

  @AfterAll
  static void stop() {
    session.stop();
  }

  private static void write(Path file, int rows) throws IOException {
    Files.deleteIfExists(file);
    MessageType schema = MessageTypeParser.parseMessageType("message t { required int32 id; }");
    SimpleGroupFactory groups = new SimpleGroupFactory(schema);
    try (ParquetWriter<org.apache.parquet.example.data.Group> writer = ExampleParquetWriter
        .builder(new LocalOutputFile(file)).withType(schema).withRowGroupSize(4 * 1024L).build()) {
      for (int i = 0; i < rows; i++) {
        writer.write(groups.newGroup().append("id", i));
      }
    }
  }

  @Test
  void aRewrittenFileIsReadAnewAndSplitsShareItsRowGroupsOnce() throws IOException {
    Path file = dir.resolve("data.parquet");
    write(file, 5000);
    String path = file.toString();
    assertThat(session.read().parquet(path).selectExpr("count(*)", "sum(id)").collectAsList())
        .containsExactly(RowFactory.create(5000L, 12497500L));
    // Read again in byte-range splits: every row group once (the same count and sum), from the kept footer.
    assertThat(session.read().option("spark.sql.files.maxPartitionBytes", "3000")
        .option("spark.sql.files.openCostInBytes", "0").parquet(path).selectExpr("count(*)", "sum(id)")
        .collectAsList()).containsExactly(RowFactory.create(5000L, 12497500L));
    int kept = ParquetFooters.size();
    assertThat(kept).isPositive();

    write(file, 7000);
    assertThat(session.read().parquet(path).selectExpr("count(*)", "sum(id)").collectAsList())
        .containsExactly(RowFactory.create(7000L, 24496500L));
    assertThat(session.read().option("spark.sql.files.maxPartitionBytes", "3000")
        .option("spark.sql.files.openCostInBytes", "0").parquet(path).selectExpr("count(*)", "sum(id)")
        .collectAsList()).containsExactly(RowFactory.create(7000L, 24496500L));
    // A new entry, unless the cache of 256 footers was already full (other test classes in this process read
    // files before this one): then the new version replaced the least recently used.
    assertThat(ParquetFooters.size()).isGreaterThan(Math.min(kept, ParquetFooters.MAX_FILES - 1));
  }
}

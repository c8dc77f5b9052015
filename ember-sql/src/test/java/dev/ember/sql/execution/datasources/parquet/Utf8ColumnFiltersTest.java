package dev.ember.sql.execution.datasources.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.rdd.io.FileSplit;
import dev.ember.sql.execution.datasources.ScanMetrics;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.execution.vector.IntColumnVector;
import dev.ember.sql.execution.vector.StringColumnVector;
import dev.ember.sql.plan.expressions.BinaryComparison;
import dev.ember.sql.plan.expressions.BoundReference;
import dev.ember.sql.plan.expressions.ComparisonOperator;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.Like;
import dev.ember.sql.plan.expressions.Literal;
import dev.ember.sql.plan.expressions.Not;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.StructType;
import dev.ember.util.LongAccumulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reader's byte-tested string columns: a column read only for the filter comes back as NULLs (no String is
 * made for it), with the same rows as when its Strings are returned; a column also read by another conjunct is
 * evaluated on Strings as before.
 */
class Utf8ColumnFiltersTest {

  private static final int ROWS = 9000;
  private static final StructType REQUIRED = new StructType().add("id", DataTypes.IntegerType, false)
      .add("comment", DataTypes.StringType);
  @TempDir
  static Path dir;
  private static Path file;

  private static String comment(int i) {
    if (i % 9 == 4) {
      return null;
    }
    return i % 4 == 0 ? "a special ñ request " + i : (i < ROWS / 2 ? "plain " + i % 5 : "ordinary " + i);
  }

  @BeforeAll
  static void write() throws IOException {
    file = dir.resolve("comments.parquet");
    MessageType schema = MessageTypeParser.parseMessageType(
        "message t { required int32 id; optional binary comment (STRING); }");
    SimpleGroupFactory groups = new SimpleGroupFactory(schema);
    try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file)).withType(schema)
        .withPageSize(2048).withDictionaryPageSize(1024).build()) {
      for (int i = 0; i < ROWS; i++) {
        Group g = groups.newGroup().append("id", i);
        if (comment(i) != null) {
          g.append("comment", comment(i));
        }
        writer.write(g);
      }
    }
  }

  private static List<ColumnarBatch> read(List<Expression> conjuncts, boolean[] filterOnly) throws IOException {
    LongAccumulator files = new LongAccumulator();
    ScanMetrics metrics = new ScanMetrics(files, new LongAccumulator(), new LongAccumulator());
    ParquetColumnarReader reader = new ParquetColumnarReader(new FileSplit(file.toString(), 0, Files.size(file),
        true), REQUIRED, List.of(), new LateRowFilter(conjuncts, 2), true, filterOnly, null, metrics);
    List<ColumnarBatch> batches = new ArrayList<>();
    reader.forEachRemaining(batches::add);
    return batches;
  }

  private static List<Integer> ids(List<ColumnarBatch> batches) {
    List<Integer> ids = new ArrayList<>();
    for (ColumnarBatch batch : batches) {
      IntColumnVector column = (IntColumnVector) batch.column(0);
      for (int i = 0; i < batch.numRows(); i++) {
        ids.add(column.values[i]);
      }
    }
    return ids;
  }

  private static final Expression COMMENT = new BoundReference(1, DataTypes.StringType, true);
  private static final Expression NOT_SPECIAL = new Not(new Like(COMMENT, Literal.of("%special%request%")));

  @Test
  void aColumnReadOnlyForTheFilterIsNeverMadeIntoStrings() throws IOException {
    List<Integer> expected = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      if (comment(i) != null && !comment(i).contains("special")) {
        expected.add(i);
      }
    }
    List<ColumnarBatch> filterOnly = read(List.of(NOT_SPECIAL), new boolean[] {false, true});
    assertThat(ids(filterOnly)).containsExactlyElementsOf(expected);
    for (ColumnarBatch batch : filterOnly) {
      StringColumnVector comments = (StringColumnVector) batch.column(1);
      for (int i = 0; i < batch.numRows(); i++) {
        assertThat(comments.nulls[i]).isTrue();
        assertThat(comments.values[i]).isNull();
      }
    }
    List<ColumnarBatch> returned = read(List.of(NOT_SPECIAL), null);
    assertThat(ids(returned)).containsExactlyElementsOf(expected);
    for (ColumnarBatch batch : returned) {
      for (int i = 0; i < batch.numRows(); i++) {
        int id = ((IntColumnVector) batch.column(0)).values[i];
        assertThat(batch.column(1).getBoxed(i)).isEqualTo(comment(id));
      }
    }
  }

  @Test
  void aColumnAnotherConjunctReadsIsTestedOnStrings() throws IOException {
    // An ordering comparison is not a byte test, so the column is read as Strings for it.
    Expression notEmpty = new BinaryComparison(ComparisonOperator.GREATER_THAN, COMMENT, Literal.of(""));
    List<Integer> expected = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      if (comment(i) != null && !comment(i).contains("special")) {
        expected.add(i);
      }
    }
    List<ColumnarBatch> batches = read(List.of(notEmpty, NOT_SPECIAL), new boolean[] {false, true});
    assertThat(ids(batches)).containsExactlyElementsOf(expected);
    assertThat(batches.get(0).column(1).getBoxed(0)).isEqualTo(comment(expected.get(0)));
  }
}

package dev.ember.sql.execution.datasources.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.rdd.io.FileSplit;
import dev.ember.sql.execution.datasources.ScanMetrics;
import dev.ember.sql.execution.expressions.VectorizedEvaluator;
import dev.ember.sql.execution.vector.BooleanColumnVector;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.execution.vector.IntColumnVector;
import dev.ember.sql.execution.vector.StringColumnVector;
import dev.ember.sql.plan.expressions.BinaryComparison;
import dev.ember.sql.plan.expressions.BoundReference;
import dev.ember.sql.plan.expressions.ComparisonOperator;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.In;
import dev.ember.sql.plan.expressions.Like;
import dev.ember.sql.plan.expressions.Literal;
import dev.ember.sql.plan.expressions.Not;
import dev.ember.sql.plan.expressions.Or;
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
 * Equality, inequality, IN, NOT IN and one-column ORs of a string column with literals, tested by the reader on
 * bytes: on dictionary pages, on PLAIN pages, and on a chunk whose dictionary overflowed into PLAIN pages, the
 * rows kept are those the vectorized evaluator keeps on Strings, and a column read only for the filter comes back
 * as NULLs.
 */
class Utf8ValueFiltersScanTest {

  private static final int ROWS = 7000;
  private static final String[] MODES = {"MAIL", "SHIP", "AIR", "AIR REG", "", "日本語", "MAIL "};
  private static final StructType REQUIRED = new StructType().add("id", DataTypes.IntegerType, false)
      .add("mode", DataTypes.StringType);
  private static final Expression MODE = new BoundReference(1, DataTypes.StringType, true);
  @TempDir
  static Path dir;
  private static Path dictionary;
  private static Path plain;
  private static Path overflow;

  private static String mode(int i, boolean unique) {
    if (i % 11 == 5) {
      return null;
    }
    return unique && i % 3 != 0 ? "u" + i : MODES[i % MODES.length];
  }

  @BeforeAll
  static void write() throws IOException {
    dictionary = write("dictionary.parquet", true, false);
    plain = write("plain.parquet", false, false);
    overflow = write("overflow.parquet", true, true);
  }

  private static Path write(String name, boolean dictionaryEncoding, boolean unique) throws IOException {
    Path file = dir.resolve(name);
    MessageType schema = MessageTypeParser.parseMessageType(
        "message t { required int32 id; optional binary mode (STRING); }");
    SimpleGroupFactory groups = new SimpleGroupFactory(schema);
    try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file)).withType(schema)
        .withPageSize(2048).withDictionaryPageSize(1024).withDictionaryEncoding(dictionaryEncoding).build()) {
      for (int i = 0; i < ROWS; i++) {
        Group g = groups.newGroup().append("id", i);
        if (mode(i, unique) != null) {
          g.append("mode", mode(i, unique));
        }
        writer.write(g);
      }
    }
    return file;
  }

  private static List<ColumnarBatch> read(Path file, LateRowFilter filter, boolean[] filterOnly)
      throws IOException {
    ScanMetrics metrics = new ScanMetrics(new LongAccumulator(), new LongAccumulator(), new LongAccumulator());
    ParquetColumnarReader reader = new ParquetColumnarReader(new FileSplit(file.toString(), 0, Files.size(file),
        true), REQUIRED, List.of(), filter, true, filterOnly, null, metrics);
    List<ColumnarBatch> batches = new ArrayList<>();
    reader.forEachRemaining(batches::add);
    return batches;
  }

  /** The ids of the rows the vectorized evaluator keeps, evaluating {@code conjunct} on the Strings. */
  private static List<Integer> onStrings(Path file, Expression conjunct) throws IOException {
    List<Integer> ids = new ArrayList<>();
    for (ColumnarBatch batch : read(file, null, null)) {
      BooleanColumnVector keep = (BooleanColumnVector) VectorizedEvaluator.evaluate(conjunct, batch);
      for (int i = 0; i < batch.numRows(); i++) {
        if (!keep.nulls[i] && keep.values[i]) {
          ids.add(((IntColumnVector) batch.column(0)).values[i]);
        }
      }
    }
    return ids;
  }

  private static List<Integer> ids(List<ColumnarBatch> batches) {
    List<Integer> ids = new ArrayList<>();
    for (ColumnarBatch batch : batches) {
      for (int i = 0; i < batch.numRows(); i++) {
        ids.add(((IntColumnVector) batch.column(0)).values[i]);
      }
    }
    return ids;
  }

  private static Expression compare(ComparisonOperator op, String value) {
    return new BinaryComparison(op, MODE, Literal.of(value));
  }

  private static List<Expression> conjuncts() {
    Expression in = new In(MODE, List.of(Literal.of("MAIL"), Literal.of("日本語"), Literal.of("MAIL"),
        Literal.of("")));
    Expression inWithNull = new In(MODE, List.of(Literal.of("SHIP"), new Literal(null, DataTypes.StringType)));
    return List.of(compare(ComparisonOperator.EQUAL, "AIR"), compare(ComparisonOperator.EQUAL, ""),
        compare(ComparisonOperator.EQUAL, "MAIL"), compare(ComparisonOperator.NOT_EQUAL, "AIR"),
        new Not(compare(ComparisonOperator.EQUAL, "日本語")), in, new Not(in), inWithNull, new Not(inWithNull),
        new Or(compare(ComparisonOperator.EQUAL, "SHIP"), new Like(MODE, Literal.of("AIR%"))));
  }

  @Test
  void byteTestsKeepTheRowsTheStringPathKeepsOnEveryKindOfPage() throws IOException {
    for (Path file : List.of(dictionary, plain, overflow)) {
      for (Expression conjunct : conjuncts()) {
        assertThat(Utf8StringTest.of(conjunct)).as("%s", conjunct.sql()).isNotNull();
        List<Integer> expected = onStrings(file, conjunct);
        List<ColumnarBatch> returned = read(file, new LateRowFilter(List.of(conjunct), 2), null);
        assertThat(ids(returned)).as("%s on %s", conjunct.sql(), file.getFileName())
            .containsExactlyElementsOf(expected);
        for (ColumnarBatch batch : returned) {
          for (int i = 0; i < batch.numRows(); i++) {
            int id = ((IntColumnVector) batch.column(0)).values[i];
            assertThat(batch.column(1).getBoxed(i)).isEqualTo(mode(id, file == overflow));
          }
        }
        List<ColumnarBatch> filterOnly = read(file, new LateRowFilter(List.of(conjunct), 2),
            new boolean[] {false, true});
        assertThat(ids(filterOnly)).containsExactlyElementsOf(expected);
        for (ColumnarBatch batch : filterOnly) {
          StringColumnVector modes = (StringColumnVector) batch.column(1);
          for (int i = 0; i < batch.numRows(); i++) {
            assertThat(modes.nulls[i]).isTrue();
            assertThat(modes.values[i]).isNull();
          }
        }
      }
    }
  }

  @Test
  void countsMatchHandComputedAnswers() throws IOException {
    // 7000 rows: ids i % 11 == 5 are NULL (5, 16, ..., 6995: 636 of them), 6364 are not. 'AIR' is i % 7 == 2
    // (1000 ids) less those also NULL, i % 77 == 16 (16, 93, ..., 6946: 91 of them): 909.
    int nonNull = 6364;
    int air = 909;
    assertThat(ids(read(dictionary, new LateRowFilter(List.of(compare(ComparisonOperator.EQUAL, "AIR")), 2),
        new boolean[] {false, true}))).hasSize(air);
    assertThat(ids(read(plain, new LateRowFilter(List.of(compare(ComparisonOperator.NOT_EQUAL, "AIR")), 2),
        null))).hasSize(nonNull - air);
    Expression notInWithNull = new Not(new In(MODE, List.of(Literal.of("SHIP"),
        new Literal(null, DataTypes.StringType))));
    assertThat(ids(read(dictionary, new LateRowFilter(List.of(notInWithNull), 2), null))).isEmpty();
  }
}

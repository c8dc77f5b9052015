package dev.ember.sql.golden;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.EmberException;
import dev.ember.sql.AnalysisException;
import dev.ember.sql.Dataset;
import dev.ember.sql.EmberSession;
import dev.ember.sql.HiveResult;
import dev.ember.sql.Row;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every {@code src/test/resources/sql/*.test} file against a fresh session. With
 * {@code -Dember.sql.golden.regenerate=true} it rewrites the files' expectations from what Ember returns
 * instead (review the diff before committing).
 */
class SqlGoldenTest {

  static final Path DIRECTORY = Path.of("src", "test", "resources", "sql");
  private static final boolean REGENERATE = Boolean.getBoolean("ember.sql.golden.regenerate");

  static List<Path> files() throws IOException {
    try (Stream<Path> files = Files.list(DIRECTORY)) {
      // -Dember.sql.golden.only=NAME runs the files whose name contains NAME, for a quick check of one feature.
      String only = System.getProperty("ember.sql.golden.only", "");
      return files.filter(p -> p.toString().endsWith(".test"))
          .filter(p -> p.getFileName().toString().contains(only)).sorted().toList();
    }
  }

  @TestFactory
  Stream<DynamicTest> goldenFiles() throws IOException {
    return files().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> run(file)));
  }

  private static void run(Path file) throws IOException {
    List<SqlTestFile.Block> blocks = SqlTestFile.parse(file);
    List<SqlTestFile.Block> regenerated = new ArrayList<>();
    EmberSession.Builder builder = EmberSession.builder().master("local[2]").appName(file.getFileName().toString())
        .config("spark.sql.shuffle.partitions", "3");
    for (SqlTestFile.Block block : blocks) {
      // "# conf key=value" lines configure the file's session, e.g. spark.sql.ansi.enabled=true.
      if (block.header() == null && block.text().startsWith("# conf ")) {
        String[] setting = block.text().substring("# conf ".length()).trim().split("=", 2);
        builder.config(setting[0], setting[1]);
      }
    }
    EmberSession session = builder.getOrCreate();
    try {
      for (SqlTestFile.Block block : blocks) {
        regenerated.add(runBlock(session, file, block));
      }
    } finally {
      session.stop();
    }
    if (REGENERATE) {
      Files.writeString(file, SqlTestFile.render(regenerated), StandardCharsets.UTF_8);
    }
  }

  private static SqlTestFile.Block runBlock(EmberSession session, Path file, SqlTestFile.Block block) {
    if (block.header() == null) {
      return block;
    }
    String where = file.getFileName() + ":" + block.line() + ": " + block.sql();
    if (block.isError()) {
      EmberException error = null;
      try {
        session.sql(block.sql()).collectAsList();
      } catch (EmberException e) {
        error = e;
      }
      if (REGENERATE) {
        String header = error == null ? "statement ok" : "statement error " + describe(error);
        return new SqlTestFile.Block(block.line(), header, block.sql(), List.of(), null);
      }
      assertThat(error).as(where + " should fail").isNotNull();
      String[] expected = block.header().split("\\s+");
      String actual = describe(error);
      String wanted = expected.length > 3 ? expected[2] + " " + expected[3] : expected[2];
      assertThat(expected.length > 3 ? actual : actual.split(" ")[0]).as(where + "\n" + error.getMessage())
          .isEqualTo(wanted);
      return block;
    }
    Dataset<Row> result = session.sql(block.sql());
    List<String> rows = format(result.collectAsList());
    if (block.hasFlag("rowsort")) {
      rows = rows.stream().sorted().toList();
    }
    if (block.isQuery()) {
      if (!REGENERATE) {
        assertThat(rows).as(where).containsExactlyElementsOf(block.expected());
      }
      return new SqlTestFile.Block(block.line(), block.header(), block.sql(), rows, null);
    }
    return block;
  }

  /** {@code CONDITION line:pos}, or just the condition when the error has no position. */
  static String describe(EmberException e) {
    if (e instanceof AnalysisException a && a.line().isPresent()) {
      return a.getCondition() + " " + a.line().getAsInt() + ":" + a.startPosition().getAsInt();
    }
    return e.condition();
  }

  static List<String> format(List<Row> rows) {
    List<String> lines = new ArrayList<>();
    for (Row row : rows) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < row.size(); i++) {
        sb.append(i == 0 ? "" : "\t").append(HiveResult.toHiveString(row.get(i)));
      }
      lines.add(sb.toString());
    }
    return lines;
  }
}

package dev.ember.sql.sources;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.sql.EmberSession;
import dev.ember.sql.Row;
import dev.ember.sql.execution.datasources.FileSourceScanExec;
import dev.ember.sql.plan.expressions.Like;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.apache.parquet.column.ParquetProperties.WriterVersion;
import org.apache.parquet.example.data.Group;
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

/**
 * LIKE, NOT LIKE, {@code startswith}, {@code endswith} and {@code contains} tested by the Parquet scan on the
 * UTF-8 bytes of a string column: dictionary pages (tested per entry), PLAIN pages (in place), chunks whose
 * dictionary falls back to PLAIN pages mid-chunk, v2 delta-encoded pages (decoded to Strings), NULLs and
 * multi-byte text; with the column read only for the filter or also returned. Answers are checked against the
 * regex of LIKE applied here.
 */
class ParquetUtf8LikeTest {

  private static final int ROWS = 6000;
  private static final String[] WORDS = {"special", "requests", "spéciål", "日本", "green", "", "%", "aa"};

  private static EmberSession session;
  @TempDir
  static Path dir;
  private static String v1;
  private static String v2;

  @BeforeAll
  static void start() throws IOException {
    session = EmberSession.builder().master("local[2]").appName("ParquetUtf8LikeTest").getOrCreate();
    v1 = write(dir.resolve("v1.parquet"), WriterVersion.PARQUET_1_0);
    v2 = write(dir.resolve("v2.parquet"), WriterVersion.PARQUET_2_0);
    assertThat(ParquetTestFiles.encodings(Path.of(v1), "name")).contains("PLAIN_DICTIONARY", "PLAIN");
    assertThat(ParquetTestFiles.encodings(Path.of(v2), "name")).contains("RLE_DICTIONARY", "DELTA_BYTE_ARRAY");
  }

  @AfterAll
  static void stop() {
    session.stop();
  }

  /** Row {@code i}'s name: NULL every fifth row; few distinct names first, then all distinct ones. */
  static String name(int i) {
    if (i % 5 == 3) {
      return null;
    }
    String a = WORDS[i % WORDS.length];
    String b = WORDS[(i / 3) % WORDS.length];
    return i < ROWS / 2 ? a + " " + b : a + i + "ñ" + b + (i % 7);
  }

  private static String write(Path file, WriterVersion version) throws IOException {
    MessageType schema = MessageTypeParser.parseMessageType(
        "message t { required int32 id; optional binary name (STRING); }");
    SimpleGroupFactory groups = new SimpleGroupFactory(schema);
    try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file)).withType(schema)
        .withWriterVersion(version).withPageSize(1024).withDictionaryPageSize(512).withRowGroupSize(32 * 1024L)
        .build()) {
      for (int i = 0; i < ROWS; i++) {
        Group g = groups.newGroup().append("id", i);
        if (name(i) != null) {
          g.append("name", name(i));
        }
        writer.write(g);
      }
    }
    return file.toString();
  }

  private static Predicate<String> like(String pattern) {
    Pattern regex = Pattern.compile(Like.toRegex(pattern), Pattern.DOTALL);
    return s -> regex.matcher(s).matches();
  }

  /** Checks the rows {@code condition} keeps, reading only ids and reading ids with names. */
  private static void assertKeeps(String file, String condition, Predicate<String> keep) {
    assertKeeps(file, condition, (i, s) -> keep.test(s));
  }

  private static void assertKeeps(String file, String condition, BiPredicate<Integer, String> keep) {
    List<Integer> expected = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      if (name(i) != null && keep.test(i, name(i))) {
        expected.add(i);
        names.add(i + ":" + name(i));
      }
    }
    List<Integer> ids = session.read().parquet(file).filter(condition).select("id").orderBy("id").collectAsList()
        .stream().map(r -> r.getInt(0)).toList();
    assertThat(ids).as(condition).containsExactlyElementsOf(expected);
    List<Row> rows = session.read().parquet(file).filter(condition).orderBy("id").collectAsList();
    assertThat(rows.stream().map(r -> r.getInt(0) + ":" + r.getString(1)).toList()).as(condition)
        .containsExactlyElementsOf(names);
  }

  private static void assertPatterns(String file) {
    for (String pattern : List.of("%special%requests%", "%aa%aa%", "spe%", "%7", "%日本%", "%ñ%", "%%", "", "%",
        "green green", "%é%å%", "aa%aa", "%special%")) {
      String quoted = pattern.replace("'", "''");
      assertKeeps(file, "name LIKE '" + quoted + "'", like(pattern));
      assertKeeps(file, "name NOT LIKE '" + quoted + "'", like(pattern).negate());
    }
    assertKeeps(file, "startswith(name, '日本')", s -> s.startsWith("日本"));
    assertKeeps(file, "endswith(name, 'aa')", s -> s.endsWith("aa"));
    assertKeeps(file, "contains(name, '%')", s -> s.contains("%"));
    assertKeeps(file, "name LIKE '%s%' AND name NOT LIKE '%e%' AND id % 2 = 0",
        (i, s) -> s.contains("s") && !s.contains("e") && i % 2 == 0);
    // A pattern with '_' is matched on Strings, as before.
    assertKeeps(file, "name LIKE 'sp_c%'", like("sp_c%"));
  }

  @Test
  void aProjectionTellsTheScanWhichFilteredColumnsItNeedNotMake() {
    var onlyIds = session.read().parquet(v1).filter("name NOT LIKE '%aa%'").select("id");
    FileSourceScanExec scan = PlanNodes.find(onlyIds.queryExecution().executedPlan(), FileSourceScanExec.class);
    assertThat(scan.filterOnlyColumns()).extracting(a -> a.name()).containsExactly("name");
    var withNames = session.read().parquet(v1).filter("name NOT LIKE '%aa%'").select("id", "name");
    scan = PlanNodes.find(withNames.queryExecution().executedPlan(), FileSourceScanExec.class);
    assertThat(scan.filterOnlyColumns()).isEmpty();
  }

  @Test
  void dictionaryAndPlainPagesInOneChunkAreTestedOnBytes() {
    assertPatterns(v1);
  }

  @Test
  void deltaEncodedPagesAreTestedOnTheirDecodedStrings() {
    assertPatterns(v2);
  }
}

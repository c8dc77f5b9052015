package dev.ember.sql.sources;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.sql.Dataset;
import dev.ember.sql.EmberSession;
import dev.ember.sql.Row;
import dev.ember.sql.RowFactory;
import dev.ember.sql.execution.FilterExec;
import dev.ember.sql.execution.datasources.FileSourceScanExec;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.StructType;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Conjuncts that are not source filters but cannot fail — comparisons of two columns, LIKE / NOT LIKE with a
 * literal pattern, {@code startswith} — are evaluated by the Parquet scan while it decodes, so it returns only
 * the rows they keep (when they keep at most half a batch), with NULLs on either side, escapes, multi-byte
 * characters and empty strings. Answers are checked against rows computed here.
 */
class ParquetScanPredicatesTest {

  private static final int ROWS = 12_000;
  private static final String[] TEXTS = {"", "héllo wörld", "special 50% requests", null, "a_b\\c",
      "日本語のテキスト", "specialrequests", "zz special zz requests"};

  private static EmberSession session;
  @TempDir
  static Path dir;
  private static String path;

  @BeforeAll
  static void start() {
    session = EmberSession.builder().master("local[2]").appName("ParquetScanPredicatesTest").getOrCreate();
    path = dir.resolve("rows.parquet").toString();
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      rows.add(RowFactory.create(i, a(i), b(i), s(i)));
    }
    StructType schema = new StructType().add("id", DataTypes.IntegerType, false).add("a", DataTypes.IntegerType)
        .add("b", DataTypes.IntegerType).add("s", DataTypes.StringType);
    session.createDataFrame(rows, schema).coalesce(1).write().parquet(path);
  }

  @AfterAll
  static void stop() {
    session.stop();
  }

  private static Integer a(int i) {
    return i % 11 == 0 ? null : i % 7;
  }

  private static Integer b(int i) {
    return i % 13 == 0 ? null : i % 5;
  }

  private static String s(int i) {
    return TEXTS[i % 8];
  }

  /**
   * Checks the ids {@code condition} keeps, and that the scan applied it exactly: no filter above the scan,
   * which returned only those rows and says so in EXPLAIN.
   */
  private static void assertScan(String condition, Predicate<Integer> keep) {
    Dataset<Row> df = assertIds(condition, keep);
    FileSourceScanExec scan = PlanNodes.find(df.queryExecution().executedPlan(), FileSourceScanExec.class);
    assertThat(scan.metric("numOutputRows")).as(condition).isEqualTo(count(keep));
    assertThat(PlanNodes.find(df.queryExecution().executedPlan(), FilterExec.class)).as(condition).isNull();
    assertThat(df.queryExecution().explainString(false)).as(condition).contains("AppliedFilters: [");
  }

  /** Checks the ids {@code condition} keeps, and how many rows the scan returned. */
  private static void assertScan(String condition, Predicate<Integer> keep, long scanRows) {
    Dataset<Row> df = assertIds(condition, keep);
    FileSourceScanExec dfScan = PlanNodes.find(df.queryExecution().executedPlan(), FileSourceScanExec.class);
    assertThat(dfScan.metric("numOutputRows")).as(condition)
        .isEqualTo(scanRows);
  }

  private static Dataset<Row> assertIds(String condition, Predicate<Integer> keep) {
    Dataset<Row> df = session.read().parquet(path).filter(condition).select("id").orderBy("id");
    List<Integer> expected = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      if (keep.test(i)) {
        expected.add(i);
      }
    }
    List<Integer> ids = df.collectAsList().stream().map(r -> r.getInt(0)).toList();
    assertThat(ids).as(condition).containsExactlyElementsOf(expected);
    return df;
  }

  private static long count(Predicate<Integer> keep) {
    long n = 0;
    for (int i = 0; i < ROWS; i++) {
      n += keep.test(i) ? 1 : 0;
    }
    return n;
  }

  @Test
  void columnComparisonsDropRowsInTheScanWithNullsOnEitherSide() {
    Predicate<Integer> less = i -> a(i) != null && b(i) != null && a(i) < b(i);
    assertScan("a < b", less);
    Predicate<Integer> equal = i -> a(i) != null && a(i).equals(b(i));
    assertScan("a = b", equal);
    // Null-safe equality keeps rows where both are NULL.
    Predicate<Integer> same = i -> a(i) == null ? b(i) == null : a(i).equals(b(i));
    assertScan("a <=> b", same);
    // No row passes: every batch is skipped.
    assertScan("a < id AND id < a", i -> false);
    // Most rows pass (all but those where b is NULL); the scan still returns only those.
    assertScan("id >= b", i -> b(i) != null);
  }

  @Test
  void likeAndNotLikeDropRowsInTheScan() {
    Predicate<Integer> specialRequests = i -> s(i) != null && s(i).matches("(?s).*special.*requests.*");
    assertScan("s LIKE '%special%requests%'", specialRequests);
    // NOT LIKE keeps 4 of 8 texts (NULL is neither LIKE nor NOT LIKE).
    Predicate<Integer> notSpecial = i -> s(i) != null && !specialRequests.test(i);
    assertScan("s NOT LIKE '%special%requests%'", notSpecial);
    // Multi-byte characters on either side of a wildcard, and the empty string.
    assertScan("s LIKE '%ö%'", i -> "héllo wörld".equals(s(i)));
    assertScan("s LIKE '日本%ト'", i -> "日本語のテキスト".equals(s(i)));
    assertScan("s LIKE ''", i -> "".equals(s(i)));
    assertScan("s LIKE '_%'", i -> s(i) != null && !s(i).isEmpty());
    // Escapes: a literal % and a literal _, and _ matching one multi-byte character.
    assertScan("s LIKE '%50\\\\%%'", i -> "special 50% requests".equals(s(i)));
    assertScan("s LIKE 'a\\\\_b%'", i -> "a_b\\c".equals(s(i)));
    assertScan("s LIKE '_本%'", i -> "日本語のテキスト".equals(s(i)));
    assertScan("startswith(s, 'spec')", i -> s(i) != null && s(i).startsWith("spec"));
  }

  @Test
  void wideDecimalsFilteredBatchAfterBatchKeepTheirValues() {
    // Values beyond a long's range alternate with small ones, so each decoded batch holds wide values.
    String wide = dir.resolve("wide.parquet").toString();
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      BigDecimal d = i % 3 == 0 ? new BigDecimal("1" + "0".repeat(25) + "." + (i % 100)) : BigDecimal.valueOf(i, 2);
      rows.add(RowFactory.create(i, i % 29 == 0 ? null : d));
    }
    StructType schema = new StructType().add("id", DataTypes.IntegerType, false)
        .add("d", DataTypes.createDecimalType(30, 2));
    session.createDataFrame(rows, schema).coalesce(1).write().parquet(wide);
    List<Row> got = session.read().parquet(wide).filter("d < 50").orderBy("id").collectAsList();
    List<Row> expected = rows.stream().filter(r -> !r.isNullAt(1)
        && ((BigDecimal) r.get(1)).compareTo(BigDecimal.valueOf(50)) < 0).toList();
    assertThat(got).hasSize(expected.size());
    for (int i = 0; i < got.size(); i++) {
      assertThat(((BigDecimal) got.get(i).get(1)).compareTo((BigDecimal) expected.get(i).get(1))).as("row %d", i)
          .isZero();
    }
  }

  @Test
  void cheapConjunctsRunBeforeStringMatching() {
    Predicate<Integer> keep = i -> s(i) != null && s(i).contains("special") && a(i) != null && b(i) != null
        && a(i) > b(i) && i < 3000;
    assertScan("s LIKE '%special%' AND a > b AND id < 3000", keep);
  }

  @Test
  void conjunctsThatMayFailStayAboveTheScan() {
    // a / b fails under ANSI rules where b = 0, so it must not run before b <> 0: it stays above the scan.
    Predicate<Integer> keep = i -> i < 100 && b(i) != null && b(i) != 0 && a(i) != null && a(i) >= b(i);
    Dataset<Row> df = session.read().parquet(path).filter("id < 100 AND b <> 0 AND a / b >= 1");
    assertThat(df.count()).isEqualTo(count(keep));
    assertThat(PlanNodes.find(df.queryExecution().executedPlan(), FilterExec.class)).isNotNull();
    assertThat(df.queryExecution().explainString(false)).doesNotContain("AppliedFilters");
  }

  @Test
  void withAFilterAboveTheScanBatchesMostOfWhoseRowsPassComeWhole() {
    // length(s) > 0 is a function the scan leaves to the filter; s LIKE '_%' keeps 6 of 8 rows in the scan,
    // which returns those batches whole for the filter above to finish.
    Predicate<Integer> keep = i -> s(i) != null && !s(i).isEmpty();
    Dataset<Row> df = assertIds("s LIKE '_%' AND length(s) > 0", keep);
    FileSourceScanExec dfScan = PlanNodes.find(df.queryExecution().executedPlan(), FileSourceScanExec.class);
    assertThat(dfScan.metric("numOutputRows")).isEqualTo(ROWS);
    // Where few pass, the scan returns only those.
    Predicate<Integer> few = i -> "日本語のテキスト".equals(s(i));
    assertScan("s LIKE '日本%' AND length(s) > 0", few, count(few));
  }
}

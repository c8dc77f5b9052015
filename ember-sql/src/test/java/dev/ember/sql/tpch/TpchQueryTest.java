package dev.ember.sql.tpch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.ember.sql.EmberSession;
import dev.ember.sql.Row;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the 22 TPC-H queries at scale factor 0.01 on Ember and on DuckDB over the same generated data and
 * compares the answers row by row: every query, value by value (numbers within a tolerance, see
 * {@link AnswerMatcher}).
 */
class TpchQueryTest {

  private static final double SCALE = 0.01;


  private static EmberSession session;
  private static Connection duckDb;

  @BeforeAll
  static void load() throws SQLException {
    Path dir = TpchTables.generate(Path.of("target", "tpch-data"), SCALE);
    // -Dember.test.tpch.cbo=true runs the queries with cost-based join reordering (from file-size estimates).
    String cbo = String.valueOf(Boolean.getBoolean("ember.test.tpch.cbo"));
    session = EmberSession.builder().master("local[2]").appName("tpch")
        .config("spark.sql.shuffle.partitions", "4").config("spark.sql.cbo.enabled", cbo)
        .config("spark.sql.cbo.joinReorder.enabled", cbo).getOrCreate();
    TpchTables.registerViews(session, dir);
    duckDb = DriverManager.getConnection("jdbc:duckdb:");
    try (Statement statement = duckDb.createStatement()) {
      TpchTables.loadDuckDb(statement, dir);
    }
  }

  @AfterAll
  static void close() throws SQLException {
    if (session != null) {
      session.stop();
    }
    if (duckDb != null) {
      duckDb.close();
    }
  }

  @TestFactory
  Stream<DynamicTest> queries() {
    return IntStream.rangeClosed(1, 22).mapToObj(q -> DynamicTest.dynamicTest(String.format("q%02d", q),
        () -> check(q)));
  }

  private static void check(int query) throws Exception {
    String sql = querySql(query);
    List<List<Object>> expected = duckDbAnswer(sql);
    List<List<Object>> actual = new ArrayList<>();
    for (Row row : session.sql(sql).collectAsList()) {
      List<Object> values = new ArrayList<>();
      for (int i = 0; i < row.size(); i++) {
        values.add(row.get(i));
      }
      actual.add(values);
    }
    assertThat(expected).as("q%02d: DuckDB's answer is empty; the data did not load", query).isNotEmpty();
    Optional<String> difference = AnswerMatcher.difference(expected, actual);
    if (difference.isPresent()) {
      fail(String.format("q%02d: %s%nexpected: %s%nactual:   %s", query, difference.get(), expected, actual));
    }
  }

  private static List<List<Object>> duckDbAnswer(String sql) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    try (Statement statement = duckDb.createStatement(); ResultSet result = statement.executeQuery(sql)) {
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        List<Object> values = new ArrayList<>();
        for (int c = 1; c <= columns; c++) {
          values.add(result.getObject(c));
        }
        rows.add(values);
      }
    }
    return rows;
  }

  private static String querySql(int query) throws IOException {
    String name = String.format("/tpch/q%02d.sql", query);
    try (InputStream in = TpchQueryTest.class.getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}

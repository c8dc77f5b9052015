package dev.ember.sql.sources;

import static dev.ember.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.sql.AnalysisException;
import dev.ember.sql.Dataset;
import dev.ember.sql.EmberSession;
import dev.ember.sql.Row;
import dev.ember.sql.RowFactory;
import dev.ember.sql.execution.datasources.jdbc.JdbcOptions;
import dev.ember.sql.execution.datasources.jdbc.JdbcPartitioning;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.DecimalType;
import dev.ember.sql.types.StructType;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The JDBC data source against an in-process H2 database, checked with plain JDBC queries as well. */
class JdbcDataSourceTest {

  private static final String URL = "jdbc:h2:mem:jdbc_source_test;DB_CLOSE_DELAY=-1";
  private static EmberSession session;
  private static Connection h2;

  @BeforeAll
  static void start() throws SQLException {
    session = EmberSession.builder().master("local[2]").appName("JdbcDataSourceTest").getOrCreate();
    h2 = DriverManager.getConnection(URL, "sa", "");
  }

  @AfterAll
  static void stop() throws SQLException {
    h2.close();
    session.stop();
  }

  @BeforeEach
  void createPeople() throws SQLException {
    execute("DROP ALL OBJECTS");
    execute("CREATE TABLE people (id INT PRIMARY KEY, name VARCHAR(20), score DECIMAL(5,2), born DATE, "
        + "active BOOLEAN, visits BIGINT, ratio DOUBLE)");
    execute("INSERT INTO people VALUES (-5, 'eve', 1.50, DATE '1990-01-02', TRUE, 10, 0.5), "
        + "(1, 'ann', 99.99, DATE '2000-12-31', FALSE, NULL, 1.25), (2, 'bob', NULL, NULL, NULL, 3, NULL), "
        + "(4, 'cat', 0.01, DATE '1970-01-01', TRUE, 7, 2.0), (42, 'dan', 10.00, DATE '2024-02-29', FALSE, 1, -1.0)");
  }

  private static void execute(String sql) throws SQLException {
    try (Statement statement = h2.createStatement()) {
      statement.execute(sql);
    }
  }

  private static List<List<Object>> query(String sql) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    try (Statement statement = h2.createStatement(); ResultSet result = statement.executeQuery(sql)) {
      while (result.next()) {
        List<Object> row = new ArrayList<>();
        for (int c = 1; c <= result.getMetaData().getColumnCount(); c++) {
          row.add(result.getObject(c));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  private static Properties credentials() {
    Properties properties = new Properties();
    properties.setProperty("user", "sa");
    properties.setProperty("password", "");
    return properties;
  }

  @Test
  void readsATableWithTypesMappedFromTheMetadata() {
    Dataset<Row> people = session.read().jdbc(URL, "people", credentials());
    assertThat(people.schema()).isEqualTo(new StructType().add("ID", DataTypes.IntegerType, false)
        .add("NAME", DataTypes.StringType).add("SCORE", new DecimalType(5, 2)).add("BORN", DataTypes.DateType)
        .add("ACTIVE", DataTypes.BooleanType).add("VISITS", DataTypes.LongType).add("RATIO", DataTypes.DoubleType));
    assertThat(people.orderBy("ID").limit(3).collectAsList()).containsExactly(
        RowFactory.create(-5, "eve", new BigDecimal("1.50"), LocalDate.of(1990, 1, 2), true, 10L, 0.5),
        RowFactory.create(1, "ann", new BigDecimal("99.99"), LocalDate.of(2000, 12, 31), false, null, 1.25),
        RowFactory.create(2, "bob", null, null, null, 3L, null));
    Dataset<Row> viaFormat = session.read().format("jdbc").option("url", URL).option("user", "sa")
        .option("query", "SELECT name, visits FROM people WHERE id < 3").load();
    assertThat(viaFormat.orderBy("NAME").collectAsList()).containsExactly(RowFactory.create("ann", null),
        RowFactory.create("bob", 3L), RowFactory.create("eve", 10L));
  }

  @Test
  void partitionStridesFollowSparksColumnPartition() {
    JdbcOptions options = JdbcOptions.parse(Map.of("url", URL, "dbtable", "people", "partitionColumn", "id",
        "lowerBound", "0", "upperBound", "10", "numPartitions", "3"));
    StructType schema = new StructType().add("ID", DataTypes.IntegerType);
    // stride = 10 / 3 - 0 / 3 = 3; the first partition takes NULLs and values below, the last values above.
    assertThat(JdbcPartitioning.whereClauses(options, schema)).containsExactly(
        "\"ID\" < 3 or \"ID\" is null", "\"ID\" >= 3 AND \"ID\" < 6", "\"ID\" >= 6");
    // stride = 10 / 4 - (-10 / 4) = 2 - (-2) = 4.
    JdbcOptions negative = JdbcOptions.parse(Map.of("url", URL, "dbtable", "people", "partitionColumn", "ID",
        "lowerBound", "-10", "upperBound", "10", "numPartitions", "4"));
    assertThat(JdbcPartitioning.whereClauses(negative, schema)).containsExactly(
        "\"ID\" < -6 or \"ID\" is null", "\"ID\" >= -6 AND \"ID\" < -2", "\"ID\" >= -2 AND \"ID\" < 2",
        "\"ID\" >= 2");
    // Fewer partitions than asked when the range is narrower than the count.
    JdbcOptions narrow = JdbcOptions.parse(Map.of("url", URL, "dbtable", "people", "partitionColumn", "id",
        "lowerBound", "0", "upperBound", "2", "numPartitions", "5"));
    assertThat(JdbcPartitioning.whereClauses(narrow, schema)).containsExactly("\"ID\" < 1 or \"ID\" is null",
        "\"ID\" >= 1");
  }

  @Test
  void aPartitionedReadReturnsEveryRowOnce() {
    Dataset<Row> people = session.read().jdbc(URL, "people", "ID", 0, 10, 3, credentials());
    assertThat(people.queryExecution().toRdd().getNumPartitions()).isEqualTo(3);
    assertThat(people.select("ID").orderBy("ID").collectAsList().stream().map(r -> r.getInt(0)).toList())
        .containsExactly(-5, 1, 2, 4, 42);
    assertThatThrownBy(() -> session.read().format("jdbc").option("url", URL).option("dbtable", "people")
        .option("user", "sa").option("partitionColumn", "ID").option("lowerBound", "0").load())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("all or none");
  }

  @Test
  void columnsAndFiltersArePushedIntoTheSqlTheDatabaseReceives() throws SQLException {
    execute("SET QUERY_STATISTICS TRUE");
    try {
      Dataset<Row> people = session.read().jdbc(URL, "people", credentials());
      Dataset<Row> result = people.filter(col("ID").gt(1).and(col("NAME").notEqual("cat"))).select("NAME");
      assertThat(result.orderBy("NAME").collectAsList()).containsExactly(RowFactory.create("bob"),
          RowFactory.create("dan"));
      assertThat(result.queryExecution().executedPlan().toString()).contains("PushedFilters: [GreaterThan(ID,1)");
      List<String> statements = query("SELECT SQL_STATEMENT FROM INFORMATION_SCHEMA.QUERY_STATISTICS").stream()
          .map(r -> (String) r.get(0)).toList();
      // Only the columns read and the rows passing the filters travel; the filters also stay above the scan.
      assertThat(statements).contains(
          "SELECT \"ID\",\"NAME\" FROM people WHERE (\"ID\" > 1) AND ((NOT (\"NAME\" = 'cat')))");
      assertThat(statements).noneMatch(s -> s.startsWith("SELECT \"ID\",\"NAME\",\"SCORE\""));
    } finally {
      execute("SET QUERY_STATISTICS FALSE");
    }
  }

  @Test
  void writesWithEverySaveMode() throws SQLException {
    Dataset<Row> rows = session.sql("SELECT * FROM VALUES (1, 'a', DATE '2024-01-01', 1.5D), "
        + "(2, NULL, NULL, NULL), (3, 'c', DATE '2024-03-01', -2.0D) AS t(id, tag, day, amount)");
    Properties properties = credentials();
    properties.setProperty("batchsize", "2");
    rows.write().jdbc(URL, "out", properties);
    assertThat(query("SELECT \"id\", \"tag\", \"day\", \"amount\" FROM out ORDER BY \"id\"")).containsExactly(
        List.of(1, "a", java.sql.Date.valueOf("2024-01-01"), 1.5), java.util.Arrays.asList(2, null, null, null),
        List.of(3, "c", java.sql.Date.valueOf("2024-03-01"), -2.0));
    assertThatThrownBy(() -> rows.write().jdbc(URL, "out", properties)).isInstanceOf(AnalysisException.class)
        .extracting(e -> ((AnalysisException) e).getCondition()).isEqualTo("TABLE_OR_VIEW_ALREADY_EXISTS");
    rows.write().mode("ignore").jdbc(URL, "out", properties);
    rows.write().mode("append").jdbc(URL, "out", properties);
    assertThat(query("SELECT count(*) FROM out")).containsExactly(List.of(6L));
    execute("ALTER TABLE out ADD COLUMN extra INT DEFAULT 7");
    rows.filter("id = 1").write().mode("overwrite").option("truncate", "true").format("jdbc")
        .option("url", URL).option("dbtable", "out").option("user", "sa").save();
    assertThat(query("SELECT \"id\", extra FROM out")).containsExactly(List.of(1, 7));
    rows.filter("id = 3").select("id").write().mode("overwrite").jdbc(URL, "out", properties);
    assertThat(query("SELECT * FROM out")).containsExactly(List.of(3));
    assertThat(session.read().jdbc(URL, "out", credentials()).schema())
        .isEqualTo(new StructType().add("id", DataTypes.IntegerType, false));
  }

  @Test
  void aFailingTaskRollsBackItsRows() throws SQLException {
    execute("CREATE TABLE source (id INT)");
    execute("INSERT INTO source VALUES (10), (11), (11)");
    execute("CREATE TABLE target (\"ID\" INT PRIMARY KEY)");
    Properties properties = credentials();
    properties.setProperty("batchsize", "1");
    Dataset<Row> source = session.read().jdbc(URL, "source", credentials());
    assertThatThrownBy(() -> source.write().mode("append").jdbc(URL, "target", properties));
    assertThat(query("SELECT count(*) FROM target")).containsExactly(List.of(0L));
  }

  @Test
  void aBadUrlOrAMissingTableIsNamedInTheError() {
    assertThatThrownBy(() -> session.read().jdbc("jdbc:nosuchdb:x", "people", credentials()))
        .isInstanceOf(AnalysisException.class).hasMessageContaining("FAILED_JDBC.UNCLASSIFIED")
        .hasMessageContaining("jdbc:nosuchdb:x");
    assertThatThrownBy(() -> session.read().jdbc(URL, "missing_table", credentials()))
        .isInstanceOf(AnalysisException.class).hasMessageContaining("missing_table")
        .hasMessageContaining(URL);
    assertThatThrownBy(() -> session.read().format("jdbc").option("url", URL).load())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'dbtable' or 'query'");
  }
}

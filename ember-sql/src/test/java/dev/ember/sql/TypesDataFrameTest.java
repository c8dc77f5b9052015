package dev.ember.sql;

import static dev.ember.sql.functions.col;
import static dev.ember.sql.functions.date_format;
import static dev.ember.sql.functions.round;
import static dev.ember.sql.functions.sum;
import static dev.ember.sql.functions.upper;
import static dev.ember.sql.functions.year;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.StructType;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Rows, show() and the Java functions API over the decimal, date-time and small numeric types. */
class TypesDataFrameTest {

  private static EmberSession session;

  @BeforeAll
  static void start() {
    session = EmberSession.builder().master("local[2]").appName("TypesDataFrameTest")
        .config("spark.sql.shuffle.partitions", "2").config("spark.sql.session.timeZone", "UTC").getOrCreate();
  }

  @AfterAll
  static void stop() {
    session.stop();
  }

  @Test
  void rowsHoldSparksJavaClasses() {
    Row row = session.sql("SELECT 1.50, TIMESTAMP '2020-01-01 10:00:00', 10Y, 10S, 1.5F, INTERVAL '2' DAY, "
        + "DATE '2020-01-01'").first();
    assertThat(row.get(0)).isEqualTo(new BigDecimal("1.50"));
    assertThat(((Timestamp) row.get(1)).toInstant()).isEqualTo(java.time.Instant.parse("2020-01-01T10:00:00Z"));
    assertThat(row.get(2)).isEqualTo((byte) 10);
    assertThat(row.get(3)).isEqualTo((short) 10);
    assertThat(row.get(4)).isEqualTo(1.5f);
    assertThat(row.get(5)).isEqualTo(Duration.ofDays(2));
    assertThat(row.get(6)).isEqualTo(LocalDate.of(2020, 1, 1));
  }

  @Test
  void showPrintsDecimalsPlainAndTimestampsInTheSessionZone() {
    String table = session.sql("SELECT CAST(1E-7 AS DECIMAL(10,8)) AS d, TIMESTAMP '2020-01-01 10:00:00.25' AS t")
        .showString(20, 0);
    assertThat(table).contains("|0.00000010|2020-01-01 10:00:00.25|");
  }

  @Test
  void createDataFrameTakesBigDecimalsAndAggregatesThemExactly() {
    StructType schema = new StructType().add("k", DataTypes.StringType)
        .add("price", DataTypes.createDecimalType(12, 2));
    Dataset<Row> df = session.createDataFrame(List.of(RowFactory.create("a", new BigDecimal("0.10")),
        RowFactory.create("a", new BigDecimal("0.20")), RowFactory.create("b", new BigDecimal("1.005"))), schema);
    List<Row> rows = df.groupBy("k").agg(sum("price")).orderBy("k").collectAsList();
    assertThat(rows).containsExactly(RowFactory.create("a", new BigDecimal("0.30")),
        RowFactory.create("b", new BigDecimal("1.01")));
    assertThat(df.schema().apply(1).dataType().simpleString()).isEqualTo("decimal(12,2)");
  }

  @Test
  void javaFunctionsApiCallsTheBuiltIns() {
    Row row = session.sql("SELECT 'spark' AS s, 2.345 AS x, DATE '2021-07-15' AS d")
        .select(upper(col("s")), round(col("x"), 2), year(col("d")), date_format(col("d"), "yyyy/MM")).first();
    assertThat(row).isEqualTo(RowFactory.create("SPARK", new BigDecimal("2.35"), 2021, "2021/07"));
  }

  @Test
  void badStringsCastToNullOutsideAnsiMode() {
    assertThat(session.sql("SELECT CAST('x' AS INT), CAST('1.5' AS DECIMAL(3,1))").first())
        .isEqualTo(RowFactory.create(null, new BigDecimal("1.5")));
  }
}

package dev.ember.sql.sources;

import static dev.ember.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.sql.Dataset;
import dev.ember.sql.EmberSession;
import dev.ember.sql.Row;
import dev.ember.sql.RowFactory;
import dev.ember.sql.execution.datasources.FileSourceScanExec;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.DecimalType;
import dev.ember.sql.types.StructType;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parquet decimals, timestamps, floats and small integers: reading other writers' files, round trips, pushdown. */
class ParquetTypesTest {

  private static EmberSession session;
  @TempDir
  Path dir;

  @BeforeAll
  static void start() {
    session = EmberSession.builder().master("local[2]").appName("ParquetTypesTest").getOrCreate();
  }

  @AfterAll
  static void stop() {
    session.stop();
  }

  private static void duckdb(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static final String TYPED_COLUMNS = "SELECT range::INTEGER AS id, "
      + "((((range * 37) % 9999) - 5000) / 100)::DECIMAL(4,2) AS d4, "
      + "CASE WHEN range % 7 = 0 THEN NULL ELSE (range * 123456789.01 - 40000000)::DECIMAL(15,2) END AS d15, "
      + "(range * 100000000000000000000.0 - 12345.6789)::DECIMAL(30,5) AS d30, "
      + "TIMESTAMP '1969-12-31 23:59:58' + INTERVAL (range * 1000003) MICROSECOND AS ts, "
      + "TIMESTAMPTZ '2024-02-29 12:00:00+00' + INTERVAL (range * 61) SECOND AS tstz, "
      + "(TIMESTAMP '2000-01-01 00:00:00' + INTERVAL (range * 1001) MILLISECOND)::TIMESTAMP_MS AS tsms, "
      + "(TIMESTAMP '2000-01-01 00:00:00' + INTERVAL (range * 3) MICROSECOND)::TIMESTAMP_NS AS tsns, "
      + "(range / 8 - 20)::FLOAT AS f, (range % 200 - 100)::TINYINT AS b, (range * 31 - 15000)::SMALLINT AS s "
      + "FROM range(1000)";

  @Test
  void decimalsTimestampsFloatsAndSmallIntegersWrittenByDuckDbReadBackExactly() throws SQLException {
    Path file = dir.resolve("typed.parquet");
    duckdb("COPY (" + TYPED_COLUMNS + ") TO '" + file + "' (FORMAT PARQUET, ROW_GROUP_SIZE 300)");
    Dataset<Row> df = session.read().parquet(file.toString());
    assertThat(df.schema()).isEqualTo(new StructType().add("id", DataTypes.IntegerType)
        .add("d4", new DecimalType(4, 2)).add("d15", new DecimalType(15, 2)).add("d30", new DecimalType(30, 5))
        .add("ts", DataTypes.TimestampNTZType).add("tstz", DataTypes.TimestampType)
        .add("tsms", DataTypes.TimestampNTZType).add("tsns", DataTypes.TimestampNTZType)
        .add("f", DataTypes.FloatType).add("b", DataTypes.ByteType).add("s", DataTypes.ShortType));
    List<String> ember = new ArrayList<>();
    for (Row row : df.orderBy("id").collectAsList()) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < row.length(); c++) {
        line.append(render(row.get(c))).append('|');
      }
      ember.add(line.toString());
    }
    List<String> expected = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT id, d4::VARCHAR, d15::VARCHAR, d30::VARCHAR, epoch_us(ts), "
            + "epoch_us(tstz), epoch_us(tsms), epoch_us(tsns), f::DOUBLE, b::BIGINT, s::BIGINT FROM ("
            + TYPED_COLUMNS + ") ORDER BY id")) {
      while (rs.next()) {
        StringBuilder line = new StringBuilder();
        for (int col = 1; col <= 11; col++) {
          Object v = rs.getObject(col);
          line.append(v == null ? "null" : v.toString()).append('|');
        }
        expected.add(line.toString());
      }
    }
    assertThat(ember).hasSize(1000).containsExactlyElementsOf(expected);
    // A few by hand: negative decimals, a value wider than a long, a timestamp before 1970.
    assertThat(ember.get(1)).isEqualTo("1|-49.63|83456789.01|99999999999999987654.32110|-999997|1709208061000000|"
        + "946684801001000|946684800000003|-19.875|-99|-14969|");
  }

  private static String render(Object v) {
    if (v instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (v instanceof Timestamp t) {
      Instant i = t.toInstant();
      return String.valueOf(i.getEpochSecond() * 1_000_000 + i.getNano() / 1000);
    }
    if (v instanceof LocalDateTime t) {
      Instant i = t.toInstant(ZoneOffset.UTC);
      return String.valueOf(i.getEpochSecond() * 1_000_000 + i.getNano() / 1000);
    }
    if (v instanceof Float f) {
      return String.valueOf((double) f);
    }
    if (v instanceof Byte || v instanceof Short) {
      return String.valueOf(((Number) v).longValue());
    }
    return String.valueOf(v);
  }

  @Test
  void unsignedIntegersWidenAsSparkReadsThem() throws SQLException {
    Path file = dir.resolve("unsigned.parquet");
    duckdb("COPY (SELECT 255::UTINYINT AS u8, 65535::USMALLINT AS u16, 4294967295::UINTEGER AS u32, "
        + "18446744073709551615::UBIGINT AS u64, 7::UBIGINT AS small64) TO '" + file + "' (FORMAT PARQUET)");
    Dataset<Row> df = session.read().parquet(file.toString());
    assertThat(df.schema().fieldList().stream().map(f -> f.dataType().simpleString()).toList())
        .containsExactly("smallint", "int", "bigint", "decimal(20,0)", "decimal(20,0)");
    assertThat(df.collectAsList()).containsExactly(RowFactory.create((short) 255, 65535, 4294967295L,
        new BigDecimal("18446744073709551615"), new BigDecimal("7")));
  }

  @Test
  void int96TimestampsAndBinaryDecimalsFromOtherWriters() throws IOException {
    Path file = dir.resolve("legacy.parquet");
    MessageType schema = MessageTypeParser.parseMessageType("message legacy { required int96 ts; "
        + "optional binary price (DECIMAL(12,2)); optional fixed_len_byte_array(12) big (DECIMAL(25,3)); }");
    SimpleGroupFactory groups = new SimpleGroupFactory(schema);
    try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file)).withType(schema)
        .build()) {
      // 2000-01-01 00:00:00.000001 UTC is Julian day 2451545, one microsecond (1000 ns) into the day.
      writer.write(groups.newGroup().append("ts", int96(2_451_545, 1000))
          .append("price", Binary.fromConstantByteArray(new BigDecimal("-1234.56").unscaledValue().toByteArray()))
          .append("big", Binary.fromConstantByteArray(fixed(new BigDecimal("-1234567890123456789012.345"), 12))));
      // The Unix epoch minus one second: Julian day 2440587, 86399 s into the day.
      Group second = groups.newGroup().append("ts", int96(2_440_587, 86_399_000_000_000L));
      second.append("big", Binary.fromConstantByteArray(fixed(new BigDecimal("0.007"), 12)));
      writer.write(second);
    }
    Dataset<Row> df = session.read().parquet(file.toString());
    assertThat(df.schema()).isEqualTo(new StructType().add("ts", DataTypes.TimestampType, false)
        .add("price", new DecimalType(12, 2)).add("big", new DecimalType(25, 3)));
    assertThat(df.collectAsList()).containsExactly(
        RowFactory.create(Timestamp.from(Instant.parse("2000-01-01T00:00:00.000001Z")), new BigDecimal("-1234.56"),
            new BigDecimal("-1234567890123456789012.345")),
        RowFactory.create(Timestamp.from(Instant.parse("1969-12-31T23:59:59Z")), null, new BigDecimal("0.007")));
  }

  private static Binary int96(int julianDay, long nanosOfDay) {
    ByteBuffer bytes = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
    bytes.putLong(nanosOfDay).putInt(julianDay);
    return Binary.fromConstantByteArray(bytes.array());
  }

  private static byte[] fixed(BigDecimal value, int length) {
    byte[] minimal = value.unscaledValue().toByteArray();
    byte[] out = new byte[length];
    java.util.Arrays.fill(out, 0, length - minimal.length, (byte) (value.signum() < 0 ? -1 : 0));
    System.arraycopy(minimal, 0, out, length - minimal.length, minimal.length);
    return out;
  }

  private static Dataset<Row> typedSample() {
    StructType schema = new StructType().add("id", DataTypes.IntegerType).add("small", new DecimalType(5, 2))
        .add("money", new DecimalType(15, 2)).add("wide", new DecimalType(30, 5))
        .add("at", DataTypes.TimestampType).add("local", DataTypes.TimestampNTZType)
        .add("f", DataTypes.FloatType).add("b", DataTypes.ByteType).add("s", DataTypes.ShortType);
    return session.createDataFrame(List.of(
        RowFactory.create(1, new BigDecimal("-999.99"), new BigDecimal("9999999999999.99"),
            new BigDecimal("-1234567890123456789012.34567"),
            Timestamp.from(Instant.parse("1960-05-06T07:08:09.123456Z")),
            LocalDateTime.of(2024, 2, 29, 23, 59, 59, 999_999_000), 1.5f, (byte) -128, (short) 32767),
        RowFactory.create(2, new BigDecimal("0.01"), new BigDecimal("-0.01"), new BigDecimal("0.00001"),
            Timestamp.from(Instant.parse("2024-01-01T00:00:00Z")), LocalDateTime.of(1970, 1, 1, 0, 0), -0.25f,
            (byte) 127, (short) -32768),
        RowFactory.create(3, null, null, null, null, null, null, null, null)), schema);
  }

  @Test
  void decimalsTimestampsFloatsAndSmallIntegersRoundTripAndDuckDbReadsThem() throws SQLException {
    String out = dir.resolve("typed-out").toString();
    typedSample().write().parquet(out);
    Dataset<Row> back = session.read().parquet(out);
    assertThat(back.schema()).isEqualTo(typedSample().schema());
    assertThat(back.orderBy("id").collectAsList()).containsExactlyElementsOf(typedSample().collectAsList());
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT typeof(small), typeof(money), typeof(wide), typeof(\"at\"), "
            + "typeof(\"local\"), sum(small)::VARCHAR, sum(money)::VARCHAR, sum(wide)::VARCHAR, "
            + "min(epoch_us(\"at\")), max(epoch_us(\"local\")), sum(f), sum(b), sum(s) FROM read_parquet('" + out
            + "/*.parquet') GROUP BY ALL")) {
      assertThat(rs.next()).isTrue();
      assertThat(List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
          .containsExactly("DECIMAL(5,2)", "DECIMAL(15,2)", "DECIMAL(30,5)", "TIMESTAMP WITH TIME ZONE",
              "TIMESTAMP");
      assertThat(rs.getString(6)).isEqualTo("-999.98");
      assertThat(rs.getString(7)).isEqualTo("9999999999999.98");
      assertThat(rs.getString(8)).isEqualTo("-1234567890123456789012.34566");
      assertThat(rs.getLong(9)).isEqualTo(-304_707_110_876_544L);
      assertThat(rs.getLong(10)).isEqualTo(1_709_251_199_999_999L);
      assertThat(rs.getDouble(11)).isEqualTo(1.25);
      assertThat(rs.getLong(12)).isEqualTo(-1);
      assertThat(rs.getLong(13)).isEqualTo(-1);
    }
  }

  @Test
  void decimalDateAndTimestampPredicatesSkipRowGroups() throws SQLException {
    Path file = dir.resolve("ordered.parquet");
    duckdb("COPY (SELECT range::INTEGER AS id, (range / 100)::DECIMAL(15,2) AS price, "
        + "(range / 10)::DECIMAL(7,1) AS small, DATE '2020-01-01' + range::INTEGER AS day, "
        + "TIMESTAMPTZ '2020-01-01 00:00:00+00' + INTERVAL (range) HOUR AS at "
        + "FROM range(10000)) TO '" + file + "' (FORMAT PARQUET, ROW_GROUP_SIZE 1000)");
    session.read().parquet(file.toString()).createOrReplaceTempView("ordered");
    assertPushed("SELECT count(*), sum(price) FROM ordered WHERE price < CAST(9.50 AS DECIMAL(15,2))",
        "LessThan(price,9.50)", RowFactory.create(950L, new BigDecimal("4507.75")));
    assertPushed("SELECT count(*), min(small) FROM ordered WHERE small >= CAST(995.5 AS DECIMAL(7,1))",
        "GreaterThanOrEqual(small,995.5)", RowFactory.create(45L, new BigDecimal("995.5")));
    assertPushed("SELECT count(*), max(id) FROM ordered WHERE day <= DATE '2020-01-10'",
        "LessThanOrEqual(day,", RowFactory.create(10L, 9));
    assertPushed("SELECT count(*), min(id) FROM ordered WHERE at > TIMESTAMP '2021-02-20 00:00:00'",
        "GreaterThan(at,", null);
  }

  private static void assertPushed(String sql, String pushed, Row expected) {
    Dataset<Row> q = session.sql(sql);
    List<Row> rows = q.collectAsList();
    FileSourceScanExec scan = PlanNodes.find(q.queryExecution().executedPlan(), FileSourceScanExec.class);
    assertThat(scan.simpleString()).as(sql).contains(pushed);
    assertThat(scan.metric("numRowGroups")).as(sql).isEqualTo(1);
    if (expected != null) {
      assertThat(rows).as(sql).containsExactly(expected);
    }
  }

  @Test
  void aDecimalLiteralThatWouldNeedRoundingIsNotPushedButStillFilters() {
    Dataset<Row> df = session.createDataFrame(List.of(RowFactory.create(new BigDecimal("1.00")),
        RowFactory.create(new BigDecimal("2.00"))), new StructType().add("p", new DecimalType(3, 2)));
    String out = dir.resolve("round").toString();
    df.write().parquet(out);
    Dataset<Row> q = session.read().parquet(out).filter(col("p").gt(new BigDecimal("1.005")));
    assertThat(q.collectAsList()).containsExactly(RowFactory.create(new BigDecimal("2.00")));
    FileSourceScanExec qScan = PlanNodes.find(q.queryExecution().executedPlan(), FileSourceScanExec.class);
    assertThat(qScan.simpleString()).doesNotContain("GreaterThan(p,1.00)")
        .doesNotContain("GreaterThan(p,1.01)");
  }
}

package dev.ember.bench.spark;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** The 22 TPC-H queries on Spark SQL over the Parquet files; writes answers for the harness. */
final class SparkTpch {

  private static final List<String> TABLES =
      List.of("nation", "region", "part", "supplier", "partsupp", "customer", "orders", "lineitem");

  private SparkTpch() {
  }

  /** Warm-up passes, then one timed pass; returns timings with the total first. */
  static Map<String, Double> run(SparkSession spark, Path tpchDir, Path answersDir, int warmups)
      throws IOException {
    for (String table : TABLES) {
      spark.read().parquet(tpchDir.resolve(table + ".parquet").toString())
          .createOrReplaceTempView(table);
    }
    for (int pass = 0; pass < warmups; pass++) {
      for (int query = 1; query <= 22; query++) {
        spark.sql(sql(query)).collectAsList();
      }
    }
    Map<String, Double> timings = new LinkedHashMap<>();
    timings.put("total", 0.0);
    double total = 0;
    for (int query = 1; query <= 22; query++) {
      String sql = sql(query);
      long start = System.nanoTime();
      List<Row> rows = spark.sql(sql).collectAsList();
      double ms = (System.nanoTime() - start) / 1e6;
      timings.put(name(query), ms);
      total += ms;
      writeAnswer(answersDir.resolve(name(query) + ".tsv"), rows);
    }
    timings.put("total", total);
    return timings;
  }

  private static void writeAnswer(Path file, List<Row> rows) throws IOException {
    StringBuilder text = new StringBuilder();
    for (Row row : rows) {
      for (int i = 0; i < row.length(); i++) {
        text.append(i == 0 ? "" : "\t").append(format(row.get(i)));
      }
      text.append('\n');
    }
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  /** Formats a value exactly as the harness's AnswerRows does. */
  static String format(Object value) {
    if (value == null) {
      return "NULL";
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    }
    return value.toString().replace('\t', ' ').replace('\n', ' ');
  }

  private static String name(int query) {
    return String.format(Locale.ROOT, "q%02d", query);
  }

  private static String sql(int query) throws IOException {
    String resource = "/tpch/" + name(query) + ".sql";
    try (InputStream in = SparkTpch.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .filter(line -> !line.trim().startsWith("--"))
          .collect(Collectors.joining("\n")).trim();
    }
  }
}

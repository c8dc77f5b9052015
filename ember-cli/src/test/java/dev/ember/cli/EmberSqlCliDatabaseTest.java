package dev.ember.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmberSqlCliDatabaseTest {

  @TempDir
  Path warehouse;

  private int run(ByteArrayOutputStream out, ByteArrayOutputStream err, String... args) {
    List<String> all = new java.util.ArrayList<>(List.of("--master", "local[1]", "-S", "--conf",
        "spark.sql.warehouse.dir=" + warehouse));
    all.addAll(List.of(args));
    return EmberSqlCli.run(SqlCliArguments.parse(all), new ByteArrayInputStream(new byte[0]),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void startsInTheDatabaseThatDatabaseNames() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertThat(run(out, err, "-e", "CREATE DATABASE sales")).isZero();
    assertThat(run(out, err, "--database", "sales", "-e", "SELECT current_database()")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("sales");
  }

  @Test
  void anUnknownDatabaseIsSchemaNotFound() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertThat(run(out, err, "--database", "nowhere", "-e", "SELECT 1")).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("SCHEMA_NOT_FOUND");
  }
}

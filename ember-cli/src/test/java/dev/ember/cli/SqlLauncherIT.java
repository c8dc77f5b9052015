package dev.ember.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code bin/ember-sql} as a user would, against the packaged build. */
class SqlLauncherIT {

  private static final Path HOME = Path.of(System.getProperty("ember.home", "..")).toAbsolutePath().normalize();
  private static final String SQL = HOME.resolve("bin/ember-sql").toString();

  @TempDir
  Path temp;

  @Test
  void executeOptionPrintsRowsTabSeparatedWithNullAndTimingOnStderr() throws Exception {
    LaunchersIT.Result result = LaunchersIT.run(List.of(SQL, "--master", "local[2]", "-e",
        "SELECT 1 AS a, 'x;y' AS b, NULL AS c; SELECT id * 2 FROM VALUES (1), (2), (3) AS t(id) ORDER BY 1"));
    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(result.stdout().lines()).containsExactly("1\tx;y\tNULL", "2", "4", "6");
    assertThat(result.stderr()).containsPattern("Time taken: \\d+\\.\\d+ seconds, Fetched 1 row\\(s\\)")
        .containsPattern("Time taken: \\d+\\.\\d+ seconds, Fetched 3 row\\(s\\)");
  }

  @Test
  void fileOptionRunsEveryStatementWithCommentsAndPrintsAHeaderWhenAsked() throws Exception {
    Path script = LaunchersIT.write(temp, "script.sql", String.join("\n",
        "-- a view; then a query over it",
        "CREATE TEMPORARY VIEW t AS",
        "  SELECT * FROM VALUES (1, 'a'), (2, NULL) AS t(id, name);",
        "/* the header; printed once */",
        "SELECT id, name FROM t ORDER BY id;",
        ""));
    LaunchersIT.Result result = LaunchersIT.run(List.of(SQL, "--master", "local[1]",
        "--conf", "spark.sql.cli.print.header=true", "-f", script.toString()));
    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(result.stdout().lines()).containsExactly("id\tname", "1\ta", "2\tNULL");
    assertThat(result.stderr()).contains("Fetched 2 row(s)");
  }

  @Test
  void aFailingStatementPrintsItsConditionAndExitsNonZero() throws Exception {
    LaunchersIT.Result result = LaunchersIT.run(List.of(SQL, "--master", "local[1]", "-e",
        "SELECT 1; SELECT nme FROM VALUES (1) AS t(name); SELECT 3"));
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stdout().lines()).containsExactly("1");
    assertThat(result.stderr()).contains("[UNRESOLVED_COLUMN.WITH_SUGGESTION]").contains("`nme`")
        .contains("line 1 pos 7");
  }

  @Test
  void initFileRunsFirstAndCommandsWork() throws Exception {
    Path init = LaunchersIT.write(temp, "init.sql",
        "CREATE TEMPORARY VIEW nums AS SELECT * FROM VALUES (3), (1), (2) AS t(n);\nCACHE TABLE nums;\n");
    LaunchersIT.Result result = LaunchersIT.run(List.of(SQL, "--master", "local[2]", "-S", "-i", init.toString(),
        "-e", "SET spark.sql.shuffle.partitions=2; SHOW TABLES; SELECT max(n) FROM nums; DESCRIBE nums"));
    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(result.stdout().lines()).containsExactly("spark.sql.shuffle.partitions\t2", "\tnums\ttrue", "3",
        "n\tint\tNULL");
    assertThat(result.stderr()).doesNotContain("Time taken");
  }

  @Test
  void aMissingFileIsReported() throws Exception {
    LaunchersIT.Result result = LaunchersIT.run(List.of(SQL, "-f", temp.resolve("nope.sql").toString()));
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.stderr()).contains("nope.sql: no such file");
  }
}

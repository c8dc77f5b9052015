package dev.ember.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.sql.EmberSession;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SqlCliDriverTest {

  private static EmberSession session;

  @BeforeAll
  static void start() {
    session = EmberSession.builder().master("local[1]").appName("SqlCliDriverTest").getOrCreate();
  }

  @AfterAll
  static void stop() {
    session.stop();
  }

  /** What a script printed, and its exit code. */
  record Output(int exitCode, String out, String err) {}

  private static Output run(String script) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = new SqlCliDriver(session, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), false, false).runScript(script);
    return new Output(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void printsRowsCommandsAndTheHeaderWhenSet() {
    Output output = run(String.join("\n",
        "CREATE OR REPLACE TEMPORARY VIEW t AS SELECT * FROM VALUES (1, 'a'), (2, NULL) AS t(id, name);",
        "SELECT * FROM t ORDER BY id;",
        "SET spark.sql.cli.print.header=true;",
        "SELECT count(*) AS n FROM t;",
        "SET spark.sql.cli.print.header=false;",
        "SHOW TABLES"));
    assertThat(output.exitCode()).isZero();
    // The header setting applies from its own SET statement on, whose result then has a header too.
    assertThat(output.out().lines()).containsExactly("1\ta", "2\tNULL", "key\tvalue",
        "spark.sql.cli.print.header\ttrue", "n", "2", "spark.sql.cli.print.header\tfalse", "\tt\ttrue");
    assertThat(output.err().lines().filter(l -> l.startsWith("Time taken: "))).hasSize(6);
    assertThat(output.err()).contains("Fetched 2 row(s)");
  }

  @Test
  void stopsAtTheFirstFailureWithItsCondition() {
    Output output = run("SELECT 1; SELECT * FROM nowhere; SELECT 2");
    assertThat(output.exitCode()).isEqualTo(1);
    assertThat(output.out().lines()).containsExactly("1");
    assertThat(output.err()).contains("[TABLE_OR_VIEW_NOT_FOUND] The table or view `nowhere` cannot be found.")
        .contains("line 1 pos 14");
  }

  @Test
  void quitEndsAScript() {
    Output output = run("SELECT 1; quit; SELECT 2;");
    assertThat(output.exitCode()).isZero();
    assertThat(output.out().lines()).containsExactly("1");
  }
}

package dev.ember.cli;

import dev.ember.EmberException;
import dev.ember.sql.Dataset;
import dev.ember.sql.EmberSession;
import dev.ember.sql.Row;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * Runs SQL statements for {@code ember-sql} and prints their results as spark-sql's CLI does: rows
 * tab-separated on standard output with {@code NULL} for nulls, a header line only when
 * {@code spark.sql.cli.print.header} is true, and {@code Time taken: 0.12 seconds, Fetched 3 row(s)} on
 * standard error. A failing statement prints its error message (starting with the error condition) on
 * standard error.
 */
final class SqlCliDriver {

  static final String PRINT_HEADER = "spark.sql.cli.print.header";

  private final EmberSession session;
  private final PrintStream out;
  private final PrintStream err;
  private final boolean silent;
  private final boolean verbose;

  SqlCliDriver(EmberSession session, PrintStream out, PrintStream err, boolean silent, boolean verbose) {
    this.session = session;
    this.out = out;
    this.err = err;
    this.silent = silent;
    this.verbose = verbose;
  }

  /** Whether {@code statement} asks to leave the shell ({@code quit} or {@code exit}). */
  static boolean isQuit(String statement) {
    String s = statement.trim().toLowerCase(Locale.ROOT);
    return s.equals("quit") || s.equals("exit");
  }

  /**
   * Runs the statements of a script in order, stopping at the first failure as spark-sql does.
   *
   * @return 0 when every statement succeeded, else 1
   */
  int runScript(String text) {
    for (String statement : StatementSplitter.split(text).allStatements()) {
      if (isQuit(statement)) {
        return 0;
      }
      if (!run(statement)) {
        return 1;
      }
    }
    return 0;
  }

  /** Runs one statement and prints its result or its error; whether it succeeded. */
  boolean run(String statement) {
    long start = System.nanoTime();
    try {
      Dataset<Row> result = session.sql(statement);
      String[] columns = result.columns();
      List<Row> rows = result.collectAsList();
      if (columns.length > 0 && Boolean.parseBoolean(session.conf().get(PRINT_HEADER, "false"))) {
        out.println(String.join("\t", columns));
      }
      StringBuilder sb = new StringBuilder();
      for (Row row : rows) {
        sb.setLength(0);
        for (int i = 0; i < row.size(); i++) {
          sb.append(i == 0 ? "" : "\t").append(row.isNullAt(i) ? "NULL" : String.valueOf(row.get(i)));
        }
        out.println(sb);
      }
      out.flush();
      if (!silent) {
        double seconds = Math.round((System.nanoTime() - start) / 1_000_000.0) / 1000.0;
        err.println("Time taken: " + seconds + " seconds"
            + (rows.isEmpty() ? "" : ", Fetched " + rows.size() + " row(s)"));
      }
      return true;
    } catch (EmberException e) {
      err.println(e.getMessage());
      if (verbose) {
        e.printStackTrace(err);
      }
      return false;
    } catch (RuntimeException e) {
      err.println("Error: " + e);
      if (verbose) {
        e.printStackTrace(err);
      }
      return false;
    } finally {
      err.flush();
    }
  }
}

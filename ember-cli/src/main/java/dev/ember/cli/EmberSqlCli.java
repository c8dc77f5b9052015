package dev.ember.cli;

import dev.ember.sql.EmberSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The SQL shell behind {@code bin/ember-sql}, as spark-sql is Spark's: {@code -e} and {@code -f} run
 * statements and exit (non-zero when one fails); otherwise an interactive shell with line editing and a
 * history in {@code ~/.ember_sql_history} reads statements ending with {@code ;}, possibly over several
 * lines, until {@code quit;}, {@code exit;} or end of input. Standard input that is not a terminal is run
 * as a script.
 */
public final class EmberSqlCli {

  private static final String PROMPT = "ember-sql> ";
  private static final String CONTINUATION = "         > ";

  private EmberSqlCli() {}

  /** Parses the command line, starts a session and runs the statements; exits with 0, 1 or 2. */
  public static void main(String[] args) {
    SqlCliArguments arguments;
    try {
      arguments = SqlCliArguments.parse(Arrays.asList(args));
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(e.getMessage().startsWith("Usage") ? 0 : 2);
      return;
    }
    System.exit(run(arguments, System.in, System.out, System.err));
  }

  static int run(SqlCliArguments arguments, InputStream in, PrintStream out, PrintStream err) {
    String script = null;
    String init = null;
    try {
      if (arguments.file() != null) {
        script = read(arguments.file());
      } else if (arguments.execute() != null) {
        script = arguments.execute();
      }
      if (arguments.initFile() != null) {
        init = read(arguments.initFile());
      }
    } catch (IOException e) {
      err.println("ember-sql: cannot read " + e.getMessage());
      return 2;
    }
    boolean verbose = System.getenv("EMBER_VERBOSE") != null;
    EmberSession session;
    try {
      session = startSession(arguments);
    } catch (RuntimeException e) {
      err.println(e.getMessage());
      return 1;
    }
    try {
      if (arguments.database() != null) {
        session.catalog().setCurrentDatabase(arguments.database());
      }
    } catch (RuntimeException e) {
      session.stop();
      err.println(e.getMessage());
      return 1;
    }
    try {
      SqlCliDriver driver = new SqlCliDriver(session, out, err, arguments.silent(), verbose);
      if (init != null && driver.runScript(init) != 0) {
        return 1;
      }
      if (script != null) {
        return driver.runScript(script);
      }
      if (System.console() == null) {
        return driver.runScript(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
      interactive(driver);
      return 0;
    } catch (IOException e) {
      err.println("ember-sql: " + e.getMessage());
      return 1;
    } finally {
      session.stop();
    }
  }

  private static String read(String file) throws IOException {
    try {
      return Files.readString(Path.of(file), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new IOException(file + ": no such file");
    }
  }

  private static EmberSession startSession(SqlCliArguments arguments) {
    EmberSession.Builder builder = EmberSession.builder();
    for (Map.Entry<String, String> setting : arguments.conf().entrySet()) {
      builder.config(setting.getKey(), setting.getValue());
    }
    if (arguments.master() != null) {
      builder.master(arguments.master());
    } else if (System.getProperty("spark.master") == null && System.getProperty("ember.master") == null
        && !arguments.conf().containsKey("spark.master") && !arguments.conf().containsKey("ember.master")) {
      builder.master("local[*]");
    }
    builder.appName(arguments.name() != null ? arguments.name() : "Ember SQL CLI");
    return builder.getOrCreate();
  }

  /** Reads statements from the terminal until quit, exit or end of input; Ctrl-C drops the statement. */
  private static void interactive(SqlCliDriver driver) throws IOException {
    try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
      LineReader reader = LineReaderBuilder.builder().terminal(terminal).appName("ember-sql")
          .variable(LineReader.HISTORY_FILE, Path.of(System.getProperty("user.home"), ".ember_sql_history"))
          .variable(LineReader.SECONDARY_PROMPT_PATTERN, CONTINUATION)
          .build();
      StringBuilder pending = new StringBuilder();
      while (true) {
        String line;
        try {
          line = reader.readLine(pending.length() == 0 ? PROMPT : CONTINUATION);
        } catch (UserInterruptException e) {
          pending.setLength(0);
          continue;
        } catch (EndOfFileException e) {
          return;
        }
        pending.append(line).append('\n');
        if (SqlCliDriver.isQuit(pending.toString())) {
          return;
        }
        StatementSplitter.Split split = StatementSplitter.split(pending.toString());
        for (String statement : split.statements()) {
          if (SqlCliDriver.isQuit(statement)) {
            return;
          }
          driver.run(statement);
        }
        pending.setLength(0);
        if (split.hasIncompleteStatement()) {
          pending.append(split.remainder());
        }
      }
    }
  }
}

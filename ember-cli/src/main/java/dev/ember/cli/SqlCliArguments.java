package dev.ember.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line of {@code ember-sql}, spark-sql's options that apply:
 * {@code [--master M] [--name N] [--conf k=v]... [--database DB] [-i initfile] [-S] [-e SQL | -f FILE]}.
 *
 * @param master the master URL, or {@code null} for the configuration's (default {@code local[*]})
 * @param name the application name, or {@code null}
 * @param conf configuration settings, in the order given
 * @param execute the statements of {@code -e}, or {@code null}
 * @param file the script of {@code -f}, or {@code null}
 * @param initFile the script of {@code -i}, run first, or {@code null}
 * @param silent whether {@code -S} asked not to print the "Time taken" lines
 * @param database the current database to start in ({@code --database}), or {@code null} for default
 */
public record SqlCliArguments(String master, String name, Map<String, String> conf, String execute, String file,
    String initFile, boolean silent, String database) {

  static final String USAGE = String.join("\n",
      "Usage: ember-sql [options] [-e \"SQL\" | -f FILE]",
      "",
      "Without -e or -f, an interactive shell reads statements ending with ';' (quit; or exit; to leave).",
      "",
      "Options:",
      "  -e \"SQL\"            run the statements (separated by ';') and exit",
      "  -f FILE             run the statements of FILE and exit",
      "  -i FILE             run the statements of FILE first (initialization)",
      "  -S, --silent        do not print the 'Time taken' lines",
      "  --master MASTER     local, local[N], local[*] or ember://HOST:PORT (default: local[*])",
      "  --name NAME         the application's name (default: Ember SQL CLI)",
      "  --conf KEY=VALUE    a configuration setting; spark.* keys are accepted (repeatable)",
      "  --database NAME     the database to start in (USE NAME); it must exist",
      "  --driver-memory MEM the driver's heap, e.g. 2g (read by the launcher script)",
      "  --help              show this message");

  public SqlCliArguments {
    conf = Map.copyOf(conf);
  }

  /**
   * Parses {@code args}.
   *
   * @throws IllegalArgumentException with a message saying what is wrong and the usage
   */
  public static SqlCliArguments parse(List<String> args) {
    String master = null;
    String name = null;
    String execute = null;
    String file = null;
    String initFile = null;
    String database = null;
    boolean silent = false;
    Map<String, String> conf = new LinkedHashMap<>();
    for (int i = 0; i < args.size(); i++) {
      String option = args.get(i);
      if (option.equals("--help") || option.equals("-h")) {
        throw new IllegalArgumentException(USAGE);
      }
      if (option.equals("-S") || option.equals("--silent")) {
        silent = true;
        continue;
      }
      if (i + 1 >= args.size()) {
        throw new IllegalArgumentException("Option " + option + " needs a value.\n\n" + USAGE);
      }
      String value = args.get(++i);
      switch (option) {
        case "--master" -> master = value;
        case "--name" -> name = value;
        case "-e" -> execute = value;
        case "-f" -> file = value;
        case "-i" -> initFile = value;
        case "--driver-memory" -> conf.put("spark.driver.memory", value);
        case "--database" -> database = value;
        case "--conf", "--hiveconf" -> {
          int eq = value.indexOf('=');
          if (eq <= 0) {
            throw new IllegalArgumentException(option + " takes KEY=VALUE, but got '" + value + "'.\n\n" + USAGE);
          }
          conf.put(value.substring(0, eq), value.substring(eq + 1));
        }
        default -> throw new IllegalArgumentException("Unknown option " + option + ".\n\n" + USAGE);
      }
    }
    if (execute != null && file != null) {
      throw new IllegalArgumentException("Give -e or -f, not both.\n\n" + USAGE);
    }
    return new SqlCliArguments(master, name, conf, execute, file, initFile, silent, database);
  }
}

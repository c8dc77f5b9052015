package dev.ember.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line of {@code ember-submit}:
 * {@code [--master M] [--name N] [--conf k=v]... [--class C] app.jar [app args]}. Options must come before
 * the application jar; everything after it belongs to the application.
 *
 * @param master the master URL, or {@code null} to use the configuration's (default {@code local[*]})
 * @param name the application name, or {@code null}
 * @param mainClass the class whose {@code main} runs, or {@code null} to read it from the jar's manifest
 * @param conf configuration settings, in the order given
 * @param appJar the application jar
 * @param appArgs the application's own arguments
 */
public record SubmitArguments(String master, String name, String mainClass, Map<String, String> conf,
    String appJar, List<String> appArgs) {

  static final String USAGE = String.join("\n",
      "Usage: ember-submit [options] <app jar> [app arguments]",
      "",
      "Options:",
      "  --master MASTER     local, local[N], local[*] or local[N,F] (default: local[*])",
      "  --name NAME         the application's name (default: the main class)",
      "  --class CLASS       the application's main class (default: Main-Class of the jar)",
      "  --conf KEY=VALUE    a configuration setting; spark.* keys are accepted (repeatable)",
      "  --driver-memory MEM the driver's heap, e.g. 2g (read by the launcher script)",
      "  --help              show this message");

  /**
   * Parses {@code args}.
   *
   * @throws IllegalArgumentException with a message saying what is wrong and the usage
   */
  public static SubmitArguments parse(List<String> args) {
    String master = null;
    String name = null;
    String mainClass = null;
    Map<String, String> conf = new LinkedHashMap<>();
    int i = 0;
    while (i < args.size() && args.get(i).startsWith("--")) {
      String option = args.get(i);
      if (option.equals("--help")) {
        throw new IllegalArgumentException(USAGE);
      }
      if (i + 1 >= args.size()) {
        throw new IllegalArgumentException("Option " + option + " needs a value.\n\n" + USAGE);
      }
      String value = args.get(i + 1);
      switch (option) {
        case "--master" -> master = value;
        case "--name" -> name = value;
        case "--class" -> mainClass = value;
        case "--driver-memory" -> conf.put("spark.driver.memory", value);
        case "--conf" -> {
          int eq = value.indexOf('=');
          if (eq <= 0) {
            throw new IllegalArgumentException("--conf takes KEY=VALUE, but got '" + value + "'.\n\n" + USAGE);
          }
          conf.put(value.substring(0, eq), value.substring(eq + 1));
        }
        default -> throw new IllegalArgumentException("Unknown option " + option + ".\n\n" + USAGE);
      }
      i += 2;
    }
    if (i >= args.size()) {
      throw new IllegalArgumentException("Missing the application jar.\n\n" + USAGE);
    }
    String appJar = args.get(i);
    List<String> appArgs = new ArrayList<>(args.subList(i + 1, args.size()));
    return new SubmitArguments(master, name, mainClass, conf, appJar, appArgs);
  }

  public SubmitArguments {
    conf = Map.copyOf(conf);
    appArgs = List.copyOf(appArgs);
  }
}

package dev.ember.cluster.deploy;

import dev.ember.EmberException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The {@code --name value} options and positional arguments of the cluster's main classes. */
public final class CommandLine {

  private final Map<String, String> options;
  private final List<String> positional;

  private CommandLine(Map<String, String> options, List<String> positional) {
    this.options = options;
    this.positional = positional;
  }

  /**
   * Parses {@code args}.
   *
   * @throws EmberException {@code INVALID_ARGUMENTS} if an option has no value
   */
  public static CommandLine parse(String[] args) {
    Map<String, String> options = new HashMap<>();
    List<String> positional = new java.util.ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].startsWith("--")) {
        if (i + 1 >= args.length) {
          throw new EmberException("INVALID_ARGUMENTS", "Option " + args[i] + " needs a value.");
        }
        options.put(args[i].substring(2), args[++i]);
      } else {
        positional.add(args[i]);
      }
    }
    return new CommandLine(options, List.copyOf(positional));
  }

  public String get(String name, String defaultValue) {
    return options.getOrDefault(name, defaultValue);
  }

  public int getInt(String name, int defaultValue) {
    String value = options.get(name);
    return value == null ? defaultValue : Integer.parseInt(value);
  }

  public List<String> positional() {
    return positional;
  }

  /** Parses a memory size such as {@code 512m} or {@code 2g} (bare numbers are megabytes) into megabytes. */
  public static int memoryMb(String text) {
    String lower = text.trim().toLowerCase(java.util.Locale.ROOT);
    if (lower.endsWith("g")) {
      return Integer.parseInt(lower.substring(0, lower.length() - 1)) * 1024;
    }
    if (lower.endsWith("m")) {
      return Integer.parseInt(lower.substring(0, lower.length() - 1));
    }
    return Integer.parseInt(lower);
  }
}

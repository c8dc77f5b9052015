package dev.ember;

import java.util.Locale;

/** Parses durations written as in Spark's configuration: {@code 500ms}, {@code 10s}, {@code 5min}, {@code 1h}. */
final class Durations {

  private Durations() {}

  /** Parses {@code text} into milliseconds; a number with no unit is milliseconds. */
  static long parseMillis(String text) {
    String lower = text.trim().toLowerCase(Locale.ROOT);
    int end = 0;
    while (end < lower.length() && Character.isDigit(lower.charAt(end))) {
      end++;
    }
    if (end == 0) {
      throw new NumberFormatException("a duration must start with a number, such as 500ms or 10s");
    }
    long number = Long.parseLong(lower.substring(0, end));
    String unit = lower.substring(end).trim();
    return switch (unit) {
      case "", "ms" -> number;
      case "us" -> number / 1000;
      case "s" -> number * 1000;
      case "m", "min" -> number * 60_000;
      case "h" -> number * 3_600_000;
      case "d" -> number * 86_400_000;
      default -> throw new NumberFormatException("unknown time unit '" + unit + "' (use ms, s, min, h or d)");
    };
  }
}

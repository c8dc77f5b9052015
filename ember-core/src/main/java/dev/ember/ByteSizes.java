package dev.ember;

import java.util.Locale;

/** Parses sizes written as in Spark's configuration: {@code 512}, {@code 64k}, {@code 512m}, {@code 2g}. */
final class ByteSizes {

  private ByteSizes() {}

  /** Parses {@code text}; a number with no unit is multiplied by {@code defaultUnitBytes}. */
  static long parse(String text, long defaultUnitBytes) {
    String lower = text.trim().toLowerCase(Locale.ROOT);
    int end = 0;
    while (end < lower.length() && (Character.isDigit(lower.charAt(end)) || lower.charAt(end) == '.')) {
      end++;
    }
    if (end == 0) {
      throw new NumberFormatException("a size must start with a number, such as 512m or 2g");
    }
    double number = Double.parseDouble(lower.substring(0, end));
    String unit = lower.substring(end).trim();
    long multiplier = switch (unit) {
      case "" -> defaultUnitBytes;
      case "b" -> 1L;
      case "k", "kb", "kib" -> 1L << 10;
      case "m", "mb", "mib" -> 1L << 20;
      case "g", "gb", "gib" -> 1L << 30;
      case "t", "tb", "tib" -> 1L << 40;
      case "p", "pb", "pib" -> 1L << 50;
      default -> throw new NumberFormatException("unknown size unit '" + unit + "' (use b, k, m, g, t or p)");
    };
    return (long) (number * multiplier);
  }
}

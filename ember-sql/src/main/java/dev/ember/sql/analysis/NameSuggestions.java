package dev.ember.sql.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Ranks candidate names by edit distance to a misspelled one, as Spark's "Did you mean" suggestions do. */
public final class NameSuggestions {

  /** Spark shows at most this many suggestions. */
  static final int MAX_SUGGESTIONS = 5;

  private NameSuggestions() {}

  /** The candidates closest to {@code name} first (ties keep their original order), at most five. */
  public static List<String> rank(String name, List<String> candidates) {
    List<String> sorted = new ArrayList<>(candidates);
    String target = name.toLowerCase(Locale.ROOT);
    sorted.sort(Comparator.comparingInt(c -> levenshtein(target, c.toLowerCase(Locale.ROOT))));
    return sorted.subList(0, Math.min(MAX_SUGGESTIONS, sorted.size()));
  }

  static int levenshtein(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}

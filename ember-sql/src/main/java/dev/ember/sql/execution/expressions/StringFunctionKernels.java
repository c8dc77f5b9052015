package dev.ember.sql.execution.expressions;

import static dev.ember.sql.execution.expressions.KernelSupport.allocateWithNulls;
import static dev.ember.sql.execution.expressions.KernelSupport.ints;
import static dev.ember.sql.execution.expressions.KernelSupport.strings;

import dev.ember.sql.execution.vector.BooleanColumnVector;
import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.IntColumnVector;
import dev.ember.sql.execution.vector.StringColumnVector;
import dev.ember.sql.plan.expressions.ScalarFunction;
import dev.ember.sql.types.DataTypes;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * String function kernels with Spark's semantics: positions are 1-based, {@code substring} accepts 0 and
 * negative starts, {@code trim} removes spaces only, a NULL argument gives NULL (concat_ws skips NULLs).
 * Lengths and positions count UTF-16 characters, which equals Spark's count of code points for text
 * without surrogate pairs.
 */
final class StringFunctionKernels {

  private StringFunctionKernels() {}

  static void register(Map<String, FunctionKernels.Kernel> k) {
    k.put("upper", (f, a, n) -> map(a[0], n, s -> s.toUpperCase(Locale.ROOT)));
    k.put("lower", (f, a, n) -> map(a[0], n, s -> s.toLowerCase(Locale.ROOT)));
    k.put("trim", (f, a, n) -> map(a[0], n, s -> strip(s, true, true)));
    k.put("ltrim", (f, a, n) -> map(a[0], n, s -> strip(s, true, false)));
    k.put("rtrim", (f, a, n) -> map(a[0], n, s -> strip(s, false, true)));
    k.put("reverse", (f, a, n) -> map(a[0], n, s -> new StringBuilder(s).reverse().toString()));
    k.put("initcap", (f, a, n) -> map(a[0], n, StringFunctionKernels::initcap));
    k.put("length", (f, a, n) -> {
      IntColumnVector out = (IntColumnVector) allocateWithNulls(DataTypes.IntegerType, a, n);
      String[] s = strings(a[0]);
      for (int i = 0; i < n; i++) {
        out.values[i] = out.nulls[i] ? 0 : s[i].codePointCount(0, s[i].length());
      }
      return out;
    });
    k.put("substring", StringFunctionKernels::substring);
    k.put("concat", (f, a, n) -> KernelSupport.boxed(DataTypes.StringType, a, n, row -> {
      StringBuilder sb = new StringBuilder();
      for (Object part : row) {
        sb.append((String) part);
      }
      return sb.toString();
    }));
    k.put("concat_ws", StringFunctionKernels::concatWs);
    k.put("replace", (f, a, n) -> KernelSupport.boxed(DataTypes.StringType, a, n, row -> {
      String search = (String) row[1];
      return search.isEmpty() ? row[0] : ((String) row[0]).replace(search, (String) row[2]);
    }));
    k.put("instr", (f, a, n) -> KernelSupport.boxed(DataTypes.IntegerType, a, n,
        row -> ((String) row[0]).indexOf((String) row[1]) + 1));
    k.put("locate", (f, a, n) -> KernelSupport.boxed(DataTypes.IntegerType, a, n, row -> {
      int pos = (Integer) row[2];
      return pos < 1 ? 0 : ((String) row[1]).indexOf((String) row[0], pos - 1) + 1;
    }));
    k.put("lpad", (f, a, n) -> KernelSupport.boxed(DataTypes.StringType, a, n,
        row -> pad((String) row[0], (Integer) row[1], (String) row[2], true)));
    k.put("rpad", (f, a, n) -> KernelSupport.boxed(DataTypes.StringType, a, n,
        row -> pad((String) row[0], (Integer) row[1], (String) row[2], false)));
    k.put("repeat", (f, a, n) -> KernelSupport.boxed(DataTypes.StringType, a, n,
        row -> ((String) row[0]).repeat(Math.max(0, (Integer) row[1]))));
    k.put("startswith", (f, a, n) -> test(a, n, String::startsWith));
    k.put("endswith", (f, a, n) -> test(a, n, String::endsWith));
    k.put("contains", (f, a, n) -> test(a, n, String::contains));
    k.put("regexp_extract", StringFunctionKernels::regexpExtract);
    k.put("regexp_replace", StringFunctionKernels::regexpReplace);
  }

  private static ColumnVector map(ColumnVector input, int n, UnaryOperator<String> op) {
    StringColumnVector out = (StringColumnVector) allocateWithNulls(DataTypes.StringType,
        new ColumnVector[] {input}, n);
    String[] in = strings(input);
    for (int i = 0; i < n; i++) {
      if (!out.nulls[i]) {
        out.values[i] = op.apply(in[i]);
      }
    }
    return out;
  }

  private static ColumnVector test(ColumnVector[] a, int n, BiPredicate<String, String> predicate) {
    BooleanColumnVector out = (BooleanColumnVector) allocateWithNulls(DataTypes.BooleanType, a, n);
    String[] x = strings(a[0]);
    String[] y = strings(a[1]);
    for (int i = 0; i < n; i++) {
      if (!out.nulls[i]) {
        out.values[i] = predicate.test(x[i], y[i]);
      }
    }
    return out;
  }

  private static String strip(String s, boolean left, boolean right) {
    int start = 0;
    int end = s.length();
    while (left && start < end && s.charAt(start) == ' ') {
      start++;
    }
    while (right && end > start && s.charAt(end - 1) == ' ') {
      end--;
    }
    return s.substring(start, end);
  }

  private static String initcap(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    boolean start = true;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      sb.append(start ? Character.toUpperCase(c) : Character.toLowerCase(c));
      start = c == ' ';
    }
    return sb.toString();
  }

  /** Spark's substringSQL: 1-based {@code pos}; 0 means 1; negative counts from the end. */
  static String substring(String s, int pos, int length) {
    int len = s.length();
    long start = pos > 0 ? pos - 1L : pos < 0 ? (long) len + pos : 0L;
    long end = Math.min(len, start + length);
    long from = Math.max(start, 0);
    return from >= end ? "" : s.substring((int) from, (int) end);
  }

  private static ColumnVector substring(ScalarFunction f, ColumnVector[] a, int n) {
    StringColumnVector out = (StringColumnVector) allocateWithNulls(DataTypes.StringType, a, n);
    String[] s = strings(a[0]);
    int[] pos = ints(a[1]);
    int[] len = a.length > 2 ? ints(a[2]) : null;
    for (int i = 0; i < n; i++) {
      if (!out.nulls[i]) {
        out.values[i] = substring(s[i], pos[i], len == null ? Integer.MAX_VALUE : len[i]);
      }
    }
    return out;
  }

  private static String pad(String s, int length, String pad, boolean left) {
    if (length <= 0) {
      return "";
    }
    if (s.length() >= length) {
      return s.substring(0, length);
    }
    if (pad.isEmpty()) {
      return s;
    }
    StringBuilder fill = new StringBuilder();
    while (fill.length() < length - s.length()) {
      fill.append(pad);
    }
    fill.setLength(length - s.length());
    return left ? fill + s : s + fill;
  }

  private static ColumnVector concatWs(ScalarFunction f, ColumnVector[] a, int n) {
    StringColumnVector out = (StringColumnVector) allocateWithNulls(DataTypes.StringType,
        new ColumnVector[] {a[0]}, n);
    String[] separators = strings(a[0]);
    for (int i = 0; i < n; i++) {
      if (out.nulls[i]) {
        continue;
      }
      StringBuilder sb = new StringBuilder();
      boolean first = true;
      for (int c = 1; c < a.length; c++) {
        if (!a[c].nulls[i]) {
          sb.append(first ? "" : separators[i]).append(strings(a[c])[i]);
          first = false;
        }
      }
      out.values[i] = sb.toString();
    }
    return out;
  }

  private static ColumnVector regexpExtract(ScalarFunction f, ColumnVector[] a, int n) {
    Pattern[] cache = new Pattern[1];
    String[] cachedText = new String[1];
    return KernelSupport.boxed(DataTypes.StringType, a, n, row -> {
      Matcher m = compile((String) row[1], cache, cachedText).matcher((String) row[0]);
      int group = (Integer) row[2];
      if (group < 0 || group > m.groupCount()) {
        throw new dev.ember.sql.SqlExecutionException("INVALID_PARAMETER_VALUE.REGEX_GROUP_INDEX", Map.of(
            "parameter", "`idx`", "functionName", "`regexp_extract`", "groupCount", String.valueOf(m.groupCount()),
            "groupIndex", String.valueOf(group)));
      }
      if (!m.find()) {
        return "";
      }
      String value = m.group(group);
      return value == null ? "" : value;
    });
  }

  private static ColumnVector regexpReplace(ScalarFunction f, ColumnVector[] a, int n) {
    Pattern[] cache = new Pattern[1];
    String[] cachedText = new String[1];
    return KernelSupport.boxed(DataTypes.StringType, a, n,
        row -> compile((String) row[1], cache, cachedText).matcher((String) row[0]).replaceAll((String) row[2]));
  }

  private static Pattern compile(String regex, Pattern[] cache, String[] cachedText) {
    if (!regex.equals(cachedText[0])) {
      cache[0] = Pattern.compile(regex);
      cachedText[0] = regex;
    }
    return cache[0];
  }
}

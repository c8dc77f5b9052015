package dev.ember.sql;

import dev.ember.sql.analysis.BuiltinFunctions;
import dev.ember.sql.analysis.FunctionUsage;
import dev.ember.sql.plan.DescribeFunctionCommand;
import dev.ember.sql.plan.LocalRelation;
import dev.ember.sql.plan.ShowFunctionsCommand;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.types.DataTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** SHOW FUNCTIONS and DESCRIBE FUNCTION over the built-in functions and the session's registered UDFs. */
final class FunctionCommands {

  private FunctionCommands() {}

  /** One {@code function} column of names, sorted, as Spark's SHOW FUNCTIONS. */
  static Dataset<Row> show(EmberSession session, ShowFunctionsCommand show) {
    SortedSet<String> names = new TreeSet<>();
    if (show.system()) {
      names.addAll(BuiltinFunctions.names());
    }
    if (show.user()) {
      names.addAll(session.udf().names());
    }
    Pattern pattern = show.pattern() == null ? null : Catalog.likePattern(show.pattern());
    List<List<Object>> rows = new ArrayList<>();
    for (String name : names) {
      if (pattern == null || pattern.matcher(name).matches()) {
        rows.add(List.of(name));
      }
    }
    AttributeReference column = AttributeReference.create("function", DataTypes.StringType, false);
    return new Dataset<>(session, new LocalRelation(List.of(column), rows));
  }

  /**
   * One {@code function_desc} column: the function's name, its kind and usage, as Spark's DESCRIBE FUNCTION
   * lays them out; UNRESOLVED_ROUTINE when no function has the name.
   */
  static Dataset<Row> describe(EmberSession session, DescribeFunctionCommand describe) {
    String name = describe.name().toLowerCase(Locale.ROOT);
    UserDefinedFunction udf = session.udf().get(name);
    String kind = udf != null ? "user-defined function (" + udf.function().getClass().getName() + ")"
        : BuiltinFunctions.kind(name);
    if (kind == null) {
      throw new AnalysisException("UNRESOLVED_ROUTINE", Map.of("routineName", "`" + describe.name() + "`",
          "searchPath", "[`system`.`builtin`, `system`.`session`, `spark_catalog`.`default`]"),
          describe.origin().line(), describe.origin().startPosition(), "");
    }
    List<List<Object>> rows = new ArrayList<>();
    rows.add(List.of("Function: " + name));
    rows.add(List.of("Class: " + (udf != null ? kind : "built-in " + kind + " function")));
    String usage = udf != null ? null : FunctionUsage.usage(name).orElse(null);
    rows.add(List.of("Usage: " + (usage == null ? "N/A." : usage)));
    if (describe.extended()) {
      rows.addAll(extendedUsage(session, name, udf != null));
    }
    AttributeReference column = AttributeReference.create("function_desc", DataTypes.StringType, false);
    return new Dataset<>(session, new LocalRelation(List.of(column), rows));
  }

  /**
   * The lines of "Extended Usage:" as Spark prints them: the example query after {@code >} and, below it, its
   * answer (values tab-separated, as the spark-sql shell prints them), computed by running it.
   */
  private static List<List<Object>> extendedUsage(EmberSession session, String name, boolean userDefined) {
    List<List<Object>> rows = new ArrayList<>();
    rows.add(List.of("Extended Usage:"));
    String example = userDefined ? null : FunctionUsage.example(name).orElse(null);
    if (example == null) {
      rows.add(List.of(userDefined ? "    N/A." : "    No example for " + name + "."));
      return rows;
    }
    rows.add(List.of("    Examples:"));
    rows.add(List.of("      > " + example + ";"));
    for (Row row : session.sql(example).collectAsList()) {
      List<String> values = new ArrayList<>();
      for (int i = 0; i < row.size(); i++) {
        values.add(HiveResult.toHiveString(row.get(i)));
      }
      rows.add(List.of("       " + String.join("\t", values)));
    }
    return rows;
  }
}

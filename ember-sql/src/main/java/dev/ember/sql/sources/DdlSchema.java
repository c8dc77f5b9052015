package dev.ember.sql.sources;

import dev.ember.sql.AnalysisException;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Parses a DDL column list such as {@code a INT, b STRING NOT NULL, `odd name` DATE} into a schema. */
final class DdlSchema {

  private DdlSchema() {}

  static StructType parse(String ddl) {
    List<StructField> fields = new ArrayList<>();
    for (String column : splitTopLevel(ddl)) {
      String text = column.trim();
      if (text.isEmpty()) {
        throw syntaxError(ddl, column);
      }
      String name;
      String rest;
      if (text.startsWith("`")) {
        int close = text.indexOf('`', 1);
        if (close < 0) {
          throw syntaxError(ddl, column);
        }
        name = text.substring(1, close);
        rest = text.substring(close + 1).trim();
      } else {
        String[] parts = text.split("\\s+", 2);
        name = parts[0];
        rest = parts.length > 1 ? parts[1].trim() : "";
      }
      boolean nullable = true;
      String upper = rest.toUpperCase(Locale.ROOT);
      if (upper.endsWith("NOT NULL")) {
        nullable = false;
        rest = rest.substring(0, rest.length() - "NOT NULL".length()).trim();
      }
      if (rest.isEmpty()) {
        throw syntaxError(ddl, column);
      }
      DataType type = DataTypes.fromSqlName(rest);
      if (type == null) {
        throw new AnalysisException("UNSUPPORTED_DATATYPE", Map.of("typeName",
            "\"" + rest.toUpperCase(Locale.ROOT) + "\""));
      }
      fields.add(new StructField(name, type, nullable));
    }
    return new StructType(fields);
  }

  private static List<String> splitTopLevel(String ddl) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < ddl.length(); i++) {
      char c = ddl.charAt(i);
      if (c == '(' || c == '<') {
        depth++;
      } else if (c == ')' || c == '>') {
        depth--;
      } else if (c == ',' && depth == 0) {
        parts.add(ddl.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(ddl.substring(start));
    return parts;
  }

  private static AnalysisException syntaxError(String ddl, String column) {
    return new AnalysisException("PARSE_SYNTAX_ERROR", Map.of("error", "'" + column.trim() + "'",
        "hint", ": expected a column name and a type in the schema '" + ddl + "'"));
  }
}

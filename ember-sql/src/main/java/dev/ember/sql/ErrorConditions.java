package dev.ember.sql;

import dev.ember.EmberException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

/** The message templates and SQLSTATEs of error conditions, read once from error-conditions.properties. */
final class ErrorConditions {

  private static final Properties CONDITIONS = load();

  private ErrorConditions() {}

  private static Properties load() {
    Properties properties = new Properties();
    try (InputStream in = ErrorConditions.class.getResourceAsStream("error-conditions.properties")) {
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException | NullPointerException e) {
      throw new EmberException("INTERNAL_ERROR", "error-conditions.properties is missing from ember-sql; "
          + "this is a bug, please report it", e);
    }
    return properties;
  }

  private static String entry(String condition) {
    String entry = CONDITIONS.getProperty(condition);
    if (entry == null) {
      throw new EmberException("INTERNAL_ERROR", "Unknown error condition " + condition
          + "; this is a bug, please report it");
    }
    return entry;
  }

  static String sqlState(String condition) {
    String entry = entry(condition);
    return entry.substring(0, entry.indexOf('|'));
  }

  static String format(String condition, Map<String, String> parameters, int line, int position) {
    String entry = entry(condition);
    String message = entry.substring(entry.indexOf('|') + 1);
    for (Map.Entry<String, String> parameter : parameters.entrySet()) {
      message = message.replace("<" + parameter.getKey() + ">", parameter.getValue());
    }
    StringBuilder sb = new StringBuilder(message).append(" SQLSTATE: ").append(sqlState(condition));
    if (line >= 0) {
      sb.append("; line ").append(line).append(" pos ").append(position);
    }
    return sb.toString();
  }
}

package dev.ember.sql.types;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses the DDL spelling of composite types as Spark writes them: {@code array<int>},
 * {@code map<string,int>}, {@code struct<a:int,b string>} (the colon is optional, names may be
 * back-quoted), nested to any depth. Elements, values and fields are nullable, as in Spark's parser.
 */
final class NestedTypeParser {

  private final String text;
  private int pos;

  private NestedTypeParser(String text) {
    this.text = text;
  }

  /** The type {@code text} spells, or null when it is not a type Ember knows. */
  static DataType parse(String text) {
    NestedTypeParser parser = new NestedTypeParser(text);
    try {
      DataType type = parser.type();
      parser.skipSpaces();
      return parser.pos == text.length() ? type : null;
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      return null;
    }
  }

  private DataType type() {
    skipSpaces();
    int start = pos;
    while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
      pos++;
    }
    String name = text.substring(start, pos).toLowerCase(Locale.ROOT);
    skipSpaces();
    switch (name) {
      case "array" -> {
        expect('<');
        DataType element = type();
        expect('>');
        return new ArrayType(element, true);
      }
      case "map" -> {
        expect('<');
        DataType key = type();
        expect(',');
        DataType value = type();
        expect('>');
        return new MapType(key, value, true);
      }
      case "struct" -> {
        return struct();
      }
      default -> {
        String spelled = name;
        if (pos < text.length() && text.charAt(pos) == '(') {
          int close = text.indexOf(')', pos);
          spelled = name + text.substring(pos, close + 1);
          pos = close + 1;
        }
        DataType type = name.isEmpty() ? null : DataTypes.fromSqlName(spelled);
        if (type == null) {
          throw new IllegalArgumentException("unknown type " + spelled);
        }
        return type;
      }
    }
  }

  private StructType struct() {
    expect('<');
    List<StructField> fields = new ArrayList<>();
    skipSpaces();
    if (peek() == '>') {
      pos++;
      return new StructType(fields);
    }
    do {
      skipSpaces();
      String name = fieldName();
      skipSpaces();
      if (peek() == ':') {
        pos++;
      }
      fields.add(new StructField(name, type(), true));
      skipSpaces();
    } while (consume(','));
    expect('>');
    return new StructType(fields);
  }

  private String fieldName() {
    if (peek() == '`') {
      int close = text.indexOf('`', pos + 1);
      String name = text.substring(pos + 1, close);
      pos = close + 1;
      return name;
    }
    int start = pos;
    while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
      pos++;
    }
    if (start == pos) {
      throw new IllegalArgumentException("expected a field name at " + pos);
    }
    return text.substring(start, pos);
  }

  private char peek() {
    return pos < text.length() ? text.charAt(pos) : '\0';
  }

  private boolean consume(char c) {
    skipSpaces();
    if (peek() == c) {
      pos++;
      return true;
    }
    return false;
  }

  private void expect(char c) {
    if (!consume(c)) {
      throw new IllegalArgumentException("expected '" + c + "' at " + pos);
    }
  }

  private void skipSpaces() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }
}

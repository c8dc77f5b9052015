package dev.ember.sql;

import dev.ember.sql.plan.Project;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.UnresolvedAttribute;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The column-reshaping operations of {@link Dataset} (toDF, withColumns, withColumnsRenamed, drop). */
final class DatasetColumns {

  private DatasetColumns() {}

  static Dataset<Row> toDF(Dataset<?> ds, String[] names) {
    List<AttributeReference> output = ds.logicalPlan().output();
    if (names.length != output.size()) {
      throw new IllegalArgumentException("The number of columns doesn't match.\nOld column names ("
          + output.size() + "): " + String.join(", ", ds.columns()) + "\nNew column names (" + names.length
          + "): " + String.join(", ", names));
    }
    List<Expression> list = new ArrayList<>();
    for (int i = 0; i < names.length; i++) {
      list.add(new Column(output.get(i)).as(names[i]).expr());
    }
    return ds.withPlan(new Project(list, ds.logicalPlan()));
  }

  static Dataset<Row> withColumns(Dataset<?> ds, Map<String, Column> columns) {
    Map<String, Map.Entry<String, Column>> byName = new LinkedHashMap<>();
    for (Map.Entry<String, Column> entry : columns.entrySet()) {
      String key = entry.getKey().toLowerCase(Locale.ROOT);
      if (byName.put(key, entry) != null) {
        throw new AnalysisException("COLUMN_ALREADY_EXISTS", Map.of("columnName", "`" + key + "`"));
      }
    }
    List<Expression> list = new ArrayList<>();
    for (AttributeReference a : ds.logicalPlan().output()) {
      Map.Entry<String, Column> replacement = byName.remove(a.name().toLowerCase(Locale.ROOT));
      list.add(replacement == null ? a : replacement.getValue().as(replacement.getKey()).expr());
    }
    for (Map.Entry<String, Column> added : byName.values()) {
      list.add(added.getValue().as(added.getKey()).expr());
    }
    return ds.withPlan(new Project(list, ds.logicalPlan()));
  }

  static Dataset<Row> withColumnsRenamed(Dataset<?> ds, Map<String, String> renames) {
    List<Expression> list = new ArrayList<>();
    for (AttributeReference a : ds.logicalPlan().output()) {
      String newName = null;
      for (Map.Entry<String, String> rename : renames.entrySet()) {
        if (rename.getKey().equalsIgnoreCase(a.name())) {
          newName = rename.getValue();
        }
      }
      list.add(newName == null ? a : new Column(a).as(newName).expr());
    }
    return ds.withPlan(new Project(list, ds.logicalPlan()));
  }

  static Dataset<Row> drop(Dataset<?> ds, Column[] columns) {
    List<String> names = new ArrayList<>();
    for (Column c : columns) {
      Expression e = c.expr();
      if (e instanceof UnresolvedAttribute u) {
        names.add(String.join(".", u.nameParts()));
      } else if (e instanceof AttributeReference a) {
        names.add(a.name());
      }
    }
    return ds.drop(names.toArray(new String[0]));
  }

  /**
   * {@code Dataset.hint} parameters as hint expressions: numbers and strings as literals (a string names a
   * relation or a column), columns as their expressions.
   */
  static List<Expression> hintParameters(Object[] parameters) {
    List<Expression> out = new ArrayList<>();
    for (Object p : parameters) {
      out.add(p instanceof Column c ? c.expr() : dev.ember.sql.plan.expressions.Literal.of(p));
    }
    return out;
  }
}

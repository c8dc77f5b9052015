package dev.ember.sql.analysis;

import dev.ember.sql.AnalysisException;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.Project;
import dev.ember.sql.plan.expressions.Alias;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Expression;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Column aliases of a named query ({@code WITH t(a, b) AS (...)}): a project renaming every column. */
final class ColumnAliases {

  private ColumnAliases() {}

  /** {@code child} with its columns named {@code names}; the counts must agree (ASSIGNMENT_ARITY_MISMATCH). */
  static LogicalPlan rename(List<String> names, LogicalPlan child) {
    List<AttributeReference> output = child.output();
    if (names.size() != output.size()) {
      throw new AnalysisException("ASSIGNMENT_ARITY_MISMATCH", Map.of("numExpr", String.valueOf(names.size()),
          "numTarget", String.valueOf(output.size())));
    }
    List<Expression> renamed = new ArrayList<>(names.size());
    for (int i = 0; i < names.size(); i++) {
      renamed.add(new Alias(output.get(i), names.get(i)));
    }
    return new Project(renamed, child);
  }
}

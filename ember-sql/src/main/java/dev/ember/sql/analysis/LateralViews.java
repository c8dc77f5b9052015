package dev.ember.sql.analysis;

import dev.ember.sql.AnalysisException;
import dev.ember.sql.plan.Generate;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.UnresolvedLateralView;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Explode;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.types.StructField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code LATERAL VIEW [OUTER] explode(a) t AS c}: the generator resolved over the child's columns and planned
 * as a {@link Generate} whose columns are named by the AS list (or the generator's own names) and qualified
 * by the table name, as Spark's analyzer resolves a lateral view.
 */
final class LateralViews {

  private LateralViews() {}

  /** The Generate of {@code view} over its resolved {@code child}. */
  static LogicalPlan resolve(UnresolvedLateralView view, LogicalPlan child) {
    Expression resolved = ExpressionResolver.resolve(view.generator(), child.output());
    if (!(resolved instanceof Explode explode)) {
      Map<String, String> parameters = new LinkedHashMap<>();
      parameters.put("functionName", "\"" + resolved.sql() + "\"");
      parameters.put("classCanonicalName", resolved.getClass().getCanonicalName());
      throw new AnalysisException("UNSUPPORTED_GENERATOR.NOT_GENERATOR", parameters, view.origin().line(),
          view.origin().startPosition(), "");
    }
    Explode generator = view.outer() ? new Explode(explode.child(), explode.position(), true) : explode;
    List<StructField> fields = generator.elementSchema().fieldList();
    if (!view.columns().isEmpty() && view.columns().size() != fields.size()) {
      Map<String, String> parameters = new LinkedHashMap<>();
      parameters.put("aliasesSize", String.valueOf(fields.size()));
      parameters.put("aliasesNames", String.join(", ", view.columns()));
      throw new AnalysisException("UDTF_ALIAS_NUMBER_MISMATCH", parameters, view.origin().line(),
          view.origin().startPosition(), "");
    }
    List<AttributeReference> output = new ArrayList<>();
    for (int i = 0; i < fields.size(); i++) {
      StructField field = fields.get(i);
      String name = view.columns().isEmpty() ? field.name() : view.columns().get(i);
      output.add(AttributeReference.create(name, field.dataType(), field.nullable())
          .withQualifier(List.of(view.table())));
    }
    return new Generate(generator, output, child);
  }
}

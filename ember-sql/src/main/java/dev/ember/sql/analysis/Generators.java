package dev.ember.sql.analysis;

import dev.ember.sql.AnalysisException;
import dev.ember.sql.plan.Aggregate;
import dev.ember.sql.plan.Generate;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.Project;
import dev.ember.sql.plan.expressions.Alias;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.CollectList;
import dev.ember.sql.plan.expressions.Explode;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.NamedExpression;
import dev.ember.sql.types.ArrayType;
import dev.ember.sql.types.MapType;
import dev.ember.sql.types.StructField;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Generators in a select list ({@code SELECT id, explode(a) FROM t}): the analyzer plans them as a
 * {@link Generate} under the projection, as Spark's ExtractGenerator does. One generator a SELECT, at the
 * top of its item; its columns are named {@code col} / {@code key}, {@code value} / {@code pos}, or by
 * the item's alias when it makes one column.
 */
final class Generators {

  private Generators() {}

  static void register(Map<String, Function<FunctionArguments, Expression>> builders) {
    builders.put("explode", a -> explode(a, false, false));
    builders.put("explode_outer", a -> explode(a, false, true));
    builders.put("posexplode", a -> explode(a, true, false));
    builders.put("posexplode_outer", a -> explode(a, true, true));
    builders.put("collect_list", a -> new CollectList(a.count(1, 1).raw(0), false));
    builders.put("array_agg", builders.get("collect_list"));
    builders.put("collect_set", a -> new CollectList(a.count(1, 1).raw(0), true));
  }

  private static Expression explode(FunctionArguments a, boolean position, boolean outer) {
    a.count(1, 1);
    if (!(a.raw(0).dataType() instanceof ArrayType) && !(a.raw(0).dataType() instanceof MapType)) {
      throw a.wrongType(0, "ARRAY\" or \"MAP");
    }
    return new Explode(a.raw(0), position, outer);
  }

  /** Whether {@code e} holds a generator anywhere. */
  static boolean hasGenerator(Expression e) {
    return e.exists(node -> node instanceof Explode);
  }

  /** The select list {@code resolved} over {@code child}, with its generator planned as a Generate. */
  static LogicalPlan project(List<Expression> resolved, LogicalPlan child) {
    List<Expression> generators = resolved.stream().filter(Generators::hasGenerator).toList();
    if (generators.size() > 1) {
      throw new AnalysisException("UNSUPPORTED_GENERATOR.MULTI_GENERATOR", Map.of("num",
          String.valueOf(generators.size()), "generators", String.join(", ", generators.stream()
              .map(g -> "\"" + unalias(g).sql() + "\"").toList())));
    }
    List<Expression> list = new ArrayList<>();
    Generate generate = null;
    for (Expression item : resolved) {
      if (!hasGenerator(item)) {
        list.add(item);
        continue;
      }
      if (!(unalias(item) instanceof Explode explode)) {
        throw new AnalysisException("UNSUPPORTED_GENERATOR.NESTED_IN_EXPRESSIONS", Map.of("expression",
            "\"" + unalias(item).sql() + "\""));
      }
      List<AttributeReference> output = output(explode, item instanceof Alias alias
          && !alias.name().startsWith(explode.sql().substring(0, explode.sql().indexOf('(') + 1))
          ? alias.name() : null);
      generate = new Generate(explode, output, child);
      list.addAll(output);
    }
    return new Project(list, generate);
  }

  /**
   * {@code plan} with a generator over aggregates ({@code SELECT k, explode(collect_list(x)) ... GROUP BY k})
   * planned as a Generate over the aggregate, which computes the generator's input as a column.
   */
  static LogicalPlan extractFromAggregate(LogicalPlan plan) {
    if (!(plan instanceof Aggregate aggregate)
        || aggregate.aggregates().stream().noneMatch(Generators::hasGenerator)) {
      return plan;
    }
    List<Expression> aggregates = new ArrayList<>();
    List<Expression> above = new ArrayList<>();
    for (Expression item : aggregate.aggregates()) {
      if (unalias(item) instanceof Explode explode) {
        Alias input = new Alias(explode.child(), "__generator_input");
        aggregates.add(input);
        above.add(item instanceof Alias alias ? new Alias(explode.withNewChildren(List.of(input.toAttribute())),
            alias.name(), alias.exprId()) : explode.withNewChildren(List.of(input.toAttribute())));
      } else {
        aggregates.add(item);
        above.add(((NamedExpression) item).toAttribute());
      }
    }
    return project(above, new Aggregate(aggregate.grouping(), aggregates, aggregate.child()));
  }

  /** The generated columns of {@code explode}, the single one named {@code alias} when given. */
  static List<AttributeReference> output(Explode explode, String alias) {
    List<StructField> fields = explode.elementSchema().fieldList();
    List<AttributeReference> out = new ArrayList<>();
    for (StructField field : fields) {
      String name = alias != null && fields.size() == 1 ? alias : field.name();
      out.add(AttributeReference.create(name, field.dataType(), field.nullable()));
    }
    return out;
  }

  /** UNSUPPORTED_GENERATOR.OUTSIDE_SELECT when a node other than Generate holds a generator. */
  static void checkOutsideSelect(LogicalPlan plan) {
    if (plan instanceof dev.ember.sql.plan.Window && plan.expressions().stream().anyMatch(
        e -> e.exists(node -> node instanceof CollectList))) {
      throw AnalysisException.unsupported("collect_list and collect_set over a window");
    }
    if (!(plan instanceof Generate) && plan.expressions().stream().anyMatch(Generators::hasGenerator)) {
      throw new AnalysisException("UNSUPPORTED_GENERATOR.OUTSIDE_SELECT", Map.of("plan",
          "'" + plan.simpleString() + "'"));
    }
  }

  private static Expression unalias(Expression e) {
    return e instanceof Alias alias ? alias.child() : e;
  }
}

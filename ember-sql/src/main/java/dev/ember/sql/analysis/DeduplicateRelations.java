package dev.ember.sql.analysis;

import dev.ember.sql.plan.Aggregate;
import dev.ember.sql.plan.LeafNode;
import dev.ember.sql.plan.LocalRelation;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.MultiInstanceRelation;
import dev.ember.sql.plan.objects.ObjectOperator;
import dev.ember.sql.plan.Project;
import dev.ember.sql.plan.expressions.Alias;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.ExprIds;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.OuterReference;
import dev.ember.sql.plan.expressions.SubqueryExpression;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gives a relation read twice in one query ({@code FROM t a JOIN t b}, a correlated subquery over the outer
 * table) fresh column identities, so that every attribute of a plan names exactly one column: each
 * {@link LocalRelation} and each alias of the copy gets a new exprId (a {@code MultiInstanceRelation} copies
 * itself; any other relation is read through a renaming projection), and the expressions above are rewritten
 * to match. References to columns not produced inside the copy (outer references) are left alone.
 */
final class DeduplicateRelations {

  private DeduplicateRelations() {}

  /** {@code right}, re-instanced when its output shares a column identity with {@code left}'s. */
  static LogicalPlan dedupe(LogicalPlan left, LogicalPlan right) {
    Set<Long> ids = new HashSet<>();
    for (AttributeReference a : left.output()) {
      ids.add(a.exprId());
    }
    for (AttributeReference a : right.output()) {
      if (ids.contains(a.exprId())) {
        return newInstance(right);
      }
    }
    return right;
  }

  /** A copy of {@code plan} whose produced columns all have fresh identities. */
  static LogicalPlan newInstance(LogicalPlan plan) {
    Map<Long, Long> mapping = new HashMap<>();
    return plan.transformUp(node -> {
      LogicalPlan n = remapExpressions(node, mapping);
      if (n instanceof LocalRelation relation) {
        List<AttributeReference> output = new ArrayList<>();
        for (AttributeReference a : relation.output()) {
          long fresh = ExprIds.next();
          mapping.put(a.exprId(), fresh);
          output.add(new AttributeReference(a.name(), a.dataType(), a.nullable(), fresh, a.qualifier()));
        }
        return new LocalRelation(output, relation.rows());
      }
      if (n instanceof MultiInstanceRelation relation) {
        LogicalPlan copy = relation.newInstance();
        for (int i = 0; i < relation.output().size(); i++) {
          mapping.put(relation.output().get(i).exprId(), copy.output().get(i).exprId());
        }
        return copy;
      }
      if (n instanceof ObjectOperator typed) {
        return typed.newInstance(mapping);
      }
      if (n instanceof Project project) {
        return new Project(freshAliases(project.projectList(), mapping), project.child());
      }
      if (n instanceof LeafNode leaf && !leaf.output().isEmpty()) {
        // Any other relation is read through a projection that renames its columns to fresh ids.
        List<Expression> renamed = new ArrayList<>();
        for (AttributeReference a : leaf.output()) {
          Alias alias = new Alias(a, a.name());
          mapping.put(a.exprId(), alias.exprId());
          renamed.add(alias);
        }
        return new Project(renamed, leaf);
      }
      if (n instanceof Aggregate aggregate) {
        return new Aggregate(aggregate.grouping(), freshAliases(aggregate.aggregates(), mapping),
            aggregate.child());
      }
      return n;
    });
  }

  private static LogicalPlan remapExpressions(LogicalPlan node, Map<Long, Long> mapping) {
    return remapExpressions(node, mapping, false);
  }

  private static LogicalPlan remapExpressions(LogicalPlan node, Map<Long, Long> mapping, boolean nested) {
    if (node.expressions().isEmpty() || mapping.isEmpty()) {
      return node;
    }
    List<Expression> rewritten = new ArrayList<>();
    for (Expression e : node.expressions()) {
      rewritten.add(remap(e, mapping, nested));
    }
    return node.withNewExpressions(rewritten);
  }

  /**
   * {@code e} reading the copies' columns. Subqueries nested in it are rewritten too, outer references
   * included, since those name columns of the copied plan; the copied plan's own outer references name
   * columns outside it (possibly of the same relation, with the same ids) and are left alone.
   */
  static Expression remap(Expression e, Map<Long, Long> mapping, boolean nested) {
    return e.transformUp(x -> {
      if (x instanceof AttributeReference a && mapping.containsKey(a.exprId())) {
        return remap(a, mapping);
      }
      if (nested && x instanceof OuterReference o && mapping.containsKey(o.attribute().exprId())) {
        return new OuterReference(remap(o.attribute(), mapping));
      }
      if (x instanceof SubqueryExpression subquery) {
        return subquery.withNewPlan(subquery.plan().transformUp(node -> remapExpressions(node, mapping, true)));
      }
      return x;
    });
  }

  private static AttributeReference remap(AttributeReference a, Map<Long, Long> mapping) {
    return new AttributeReference(a.name(), a.dataType(), a.nullable(), mapping.get(a.exprId()), a.qualifier());
  }

  private static List<Expression> freshAliases(List<Expression> list, Map<Long, Long> mapping) {
    List<Expression> out = new ArrayList<>(list.size());
    for (Expression e : list) {
      if (e instanceof Alias alias) {
        long fresh = ExprIds.next();
        mapping.put(alias.exprId(), fresh);
        out.add(new Alias(alias.child(), alias.name(), fresh));
      } else {
        out.add(e);
      }
    }
    return out;
  }
}

package dev.ember.sql.analysis;

import dev.ember.sql.plan.Join;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.NaturalJoin;
import dev.ember.sql.plan.UsingJoin;
import dev.ember.sql.plan.expressions.AttributeReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Resolves a {@link NaturalJoin} as Spark does: the join columns are the left side's column names (in its
 * order, compared case-insensitively) that the right side also has, joined as {@code USING} those names,
 * so each appears once, coalesced for a full outer join, followed by the other left and right columns.
 * Without a shared name the sides join without condition.
 */
final class NaturalJoins {

  private NaturalJoins() {}

  static LogicalPlan resolve(NaturalJoin join, LogicalPlan left, LogicalPlan right) {
    List<String> common = new ArrayList<>();
    for (AttributeReference l : left.output()) {
      String name = l.name().toLowerCase(Locale.ROOT);
      boolean shared = right.output().stream().anyMatch(r -> r.name().toLowerCase(Locale.ROOT).equals(name));
      if (shared && common.stream().noneMatch(c -> c.toLowerCase(Locale.ROOT).equals(name))) {
        common.add(l.name());
      }
    }
    if (common.isEmpty()) {
      return new Join(left, DeduplicateRelations.dedupe(left, right), join.joinType(), null);
    }
    return JoinResolver.usingJoin(new UsingJoin(join.left(), join.right(), join.joinType(), common), left, right);
  }
}

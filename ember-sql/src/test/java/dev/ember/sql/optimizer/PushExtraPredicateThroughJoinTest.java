package dev.ember.sql.optimizer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.sql.plan.Filter;
import dev.ember.sql.plan.Join;
import dev.ember.sql.plan.JoinType;
import dev.ember.sql.plan.LocalRelation;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.expressions.And;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.BinaryComparison;
import dev.ember.sql.plan.expressions.ComparisonOperator;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.Literal;
import dev.ember.sql.plan.expressions.Or;
import dev.ember.sql.types.DataTypes;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which one-input predicates the rule derives from a join condition, and which inputs it may filter. */
class PushExtraPredicateThroughJoinTest {

  private final AttributeReference ax = column("ax");
  private final AttributeReference ay = column("ay");
  private final AttributeReference bx = column("bx");
  private final LogicalPlan a = new LocalRelation(List.of(ax, ay), List.of());
  private final LogicalPlan b = new LocalRelation(List.of(bx), List.of());
  private final Rule rule = new PushExtraPredicateThroughJoin();

  private static AttributeReference column(String name) {
    return AttributeReference.create(name, DataTypes.IntegerType, true);
  }

  private static Expression eq(Expression column, int value) {
    return new BinaryComparison(ComparisonOperator.EQUAL, column, Literal.of(value));
  }

  /** (ax = 1 AND bx = 2) OR (ax = 2 AND bx = 1), as TPC-H Q7 pairs two nations. */
  private Expression pairs() {
    return new Or(new And(eq(ax, 1), eq(bx, 2)), new And(eq(ax, 2), eq(bx, 1)));
  }

  @Test
  void aDisjunctionOfPairsFiltersBothInputsOfAnInnerJoin() {
    Join join = new Join(a, b, JoinType.INNER, pairs());
    assertThat(rule.apply(join)).isEqualTo(new Join(new Filter(new Or(eq(ax, 1), eq(ax, 2)), a),
        new Filter(new Or(eq(bx, 2), eq(bx, 1)), b), JoinType.INNER, pairs()));
  }

  @Test
  void outerAndAntiJoinsFilterOnlyTheInputWhoseUnmatchedRowsAreDropped() {
    LogicalPlan leftOuter = rule.apply(new Join(a, b, JoinType.LEFT_OUTER, pairs()));
    assertThat(leftOuter).isEqualTo(new Join(a, new Filter(new Or(eq(bx, 2), eq(bx, 1)), b),
        JoinType.LEFT_OUTER, pairs()));
    LogicalPlan rightOuter = rule.apply(new Join(a, b, JoinType.RIGHT_OUTER, pairs()));
    assertThat(rightOuter).isEqualTo(new Join(new Filter(new Or(eq(ax, 1), eq(ax, 2)), a), b,
        JoinType.RIGHT_OUTER, pairs()));
    LogicalPlan anti = rule.apply(new Join(a, b, JoinType.LEFT_ANTI, pairs()));
    assertThat(anti).isEqualTo(new Join(a, new Filter(new Or(eq(bx, 2), eq(bx, 1)), b), JoinType.LEFT_ANTI,
        pairs()));
    Join full = new Join(a, b, JoinType.FULL_OUTER, pairs());
    assertThat(rule.apply(full)).isSameAs(full);
  }

  @Test
  void aBranchWithoutAPredicateOnTheInputDerivesNothingForIt() {
    // (ax = 1 AND bx = 2) OR bx = 3: a row of a with any ax may still match, so a is not filtered.
    Expression condition = new Or(new And(eq(ax, 1), eq(bx, 2)), eq(bx, 3));
    assertThat(rule.apply(new Join(a, b, JoinType.INNER, condition))).isEqualTo(new Join(a,
        new Filter(new Or(eq(bx, 2), eq(bx, 3)), b), JoinType.INNER, condition));
  }

  @Test
  void conjunctsAlreadyOverOneInputAndEquiJoinsAreLeftToTheOtherRules() {
    Expression key = new BinaryComparison(ComparisonOperator.EQUAL, ax, bx);
    Join equi = new Join(a, b, JoinType.INNER, key);
    assertThat(rule.apply(equi)).isSameAs(equi);
    Join oneSided = new Join(a, b, JoinType.INNER, new And(key, eq(ay, 4)));
    assertThat(rule.apply(oneSided)).isSameAs(oneSided);
    Join overA = new Join(a, b, JoinType.INNER, new Or(eq(ax, 1), eq(ay, 2)));
    assertThat(rule.apply(overA)).isSameAs(overA);
  }
}

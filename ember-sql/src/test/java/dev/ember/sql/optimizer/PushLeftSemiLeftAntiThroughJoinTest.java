package dev.ember.sql.optimizer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.sql.plan.Join;
import dev.ember.sql.plan.JoinType;
import dev.ember.sql.plan.LocalRelation;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.expressions.And;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.BinaryComparison;
import dev.ember.sql.plan.expressions.ComparisonOperator;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.IsNull;
import dev.ember.sql.plan.expressions.Literal;
import dev.ember.sql.plan.expressions.Or;
import dev.ember.sql.types.DataTypes;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where the rule moves semi and anti joins over a join of {@code a} and {@code b}, and where it must not. */
class PushLeftSemiLeftAntiThroughJoinTest {

  private final AttributeReference ak = column("ak");
  private final AttributeReference bk = column("bk");
  private final AttributeReference sk = column("sk");
  private final LogicalPlan a = new LocalRelation(List.of(ak), List.of());
  private final LogicalPlan b = new LocalRelation(List.of(bk), List.of());
  private final LogicalPlan s = new LocalRelation(List.of(sk), List.of());
  private final Rule rule = new PushLeftSemiLeftAntiThroughJoin();

  private static AttributeReference column(String name) {
    return AttributeReference.create(name, DataTypes.IntegerType, true);
  }

  private static Expression equal(Expression l, Expression r) {
    return new BinaryComparison(ComparisonOperator.EQUAL, l, r);
  }

  private Join abJoin(JoinType type) {
    return new Join(a, b, type, equal(ak, bk));
  }

  @Test
  void aSemiJoinReadingTheLeftInputMovesIntoIt() {
    LogicalPlan plan = new Join(abJoin(JoinType.INNER), s, JoinType.LEFT_SEMI, equal(ak, sk));
    LogicalPlan pushed = rule.apply(plan);
    assertThat(pushed).isEqualTo(new Join(new Join(a, s, JoinType.LEFT_SEMI, equal(ak, sk)), b,
        JoinType.INNER, equal(ak, bk)));
    assertThat(pushed.output()).isEqualTo(plan.output());
  }

  @Test
  void anAntiJoinReadingTheRightInputMovesIntoIt() {
    Expression condition = new And(equal(bk, sk), new BinaryComparison(ComparisonOperator.GREATER_THAN, sk,
        Literal.of(1)));
    LogicalPlan plan = new Join(abJoin(JoinType.INNER), s, JoinType.LEFT_ANTI, condition);
    assertThat(rule.apply(plan)).isEqualTo(new Join(a, new Join(b, s, JoinType.LEFT_ANTI, condition),
        JoinType.INNER, equal(ak, bk)));
  }

  @Test
  void itMovesThroughSeveralJoinsAtOnce() {
    AttributeReference ck = column("ck");
    LogicalPlan c = new LocalRelation(List.of(ck), List.of());
    Join abc = new Join(abJoin(JoinType.INNER), c, JoinType.INNER, equal(bk, ck));
    LogicalPlan pushed = rule.apply(new Join(abc, s, JoinType.LEFT_SEMI, equal(bk, sk)));
    assertThat(pushed).isEqualTo(new Join(new Join(a, new Join(b, s, JoinType.LEFT_SEMI, equal(bk, sk)),
        JoinType.INNER, equal(ak, bk)), c, JoinType.INNER, equal(bk, ck)));
  }

  @Test
  void aNullAwareNotInMovesWithItsCondition() {
    Expression notIn = new Or(equal(ak, sk), new IsNull(equal(ak, sk)));
    LogicalPlan pushed = rule.apply(new Join(abJoin(JoinType.LEFT_OUTER), s, JoinType.LEFT_ANTI, notIn));
    assertThat(pushed).isEqualTo(new Join(new Join(a, s, JoinType.LEFT_ANTI, notIn), b, JoinType.LEFT_OUTER,
        equal(ak, bk)));
  }

  @Test
  void theNullPaddedSideOfAnOuterJoinIsNeverFiltered() {
    LogicalPlan intoPadded = new Join(abJoin(JoinType.LEFT_OUTER), s, JoinType.LEFT_ANTI, equal(bk, sk));
    assertThat(rule.apply(intoPadded)).isSameAs(intoPadded);
    LogicalPlan intoPaddedLeft = new Join(abJoin(JoinType.RIGHT_OUTER), s, JoinType.LEFT_SEMI, equal(ak, sk));
    assertThat(rule.apply(intoPaddedLeft)).isSameAs(intoPaddedLeft);
    LogicalPlan full = new Join(abJoin(JoinType.FULL_OUTER), s, JoinType.LEFT_SEMI, equal(ak, sk));
    assertThat(rule.apply(full)).isSameAs(full);
  }

  @Test
  void aRightOuterJoinTakesItIntoItsRightInput() {
    LogicalPlan pushed = rule.apply(new Join(abJoin(JoinType.RIGHT_OUTER), s, JoinType.LEFT_SEMI, equal(bk, sk)));
    assertThat(pushed).isEqualTo(new Join(a, new Join(b, s, JoinType.LEFT_SEMI, equal(bk, sk)),
        JoinType.RIGHT_OUTER, equal(ak, bk)));
  }

  @Test
  void aConditionReadingBothInputsStaysAbove() {
    Expression both = new And(equal(ak, sk), new BinaryComparison(ComparisonOperator.LESS_THAN, bk, sk));
    LogicalPlan plan = new Join(abJoin(JoinType.INNER), s, JoinType.LEFT_SEMI, both);
    assertThat(rule.apply(plan)).isSameAs(plan);
  }

  @Test
  void withoutAConditionItMovesIntoTheKeptInput() {
    assertThat(rule.apply(new Join(abJoin(JoinType.INNER), s, JoinType.LEFT_SEMI, null)))
        .isEqualTo(new Join(new Join(a, s, JoinType.LEFT_SEMI, null), b, JoinType.INNER, equal(ak, bk)));
    assertThat(rule.apply(new Join(abJoin(JoinType.RIGHT_OUTER), s, JoinType.LEFT_ANTI, null)))
        .isEqualTo(new Join(a, new Join(b, s, JoinType.LEFT_ANTI, null), JoinType.RIGHT_OUTER, equal(ak, bk)));
  }
}

package dev.ember.sql.execution.datasources;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.sql.plan.FileColumnStatistics;
import dev.ember.sql.plan.FileStatistics;
import dev.ember.sql.plan.expressions.And;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.BinaryComparison;
import dev.ember.sql.plan.expressions.ComparisonOperator;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.In;
import dev.ember.sql.plan.expressions.IsNotNull;
import dev.ember.sql.plan.expressions.Like;
import dev.ember.sql.plan.expressions.Literal;
import dev.ember.sql.plan.expressions.Or;
import dev.ember.sql.types.DataTypes;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScanConjunctOrderTest {

  // 10000 rows: day, ship and commit span days 0..2499 with no NULLs; qty 1..50; mode strings without a range.
  private static final FileStatistics FILES = new FileStatistics(10_000, Map.of(
      "day", new FileColumnStatistics(0.0, 2499.0, true, 0),
      "ship", new FileColumnStatistics(0.0, 2499.0, true, 0),
      "commit", new FileColumnStatistics(0.0, 2499.0, true, 0),
      "qty", new FileColumnStatistics(1.0, 50.0, true, 0),
      "mode", new FileColumnStatistics(null, null, false, 0)));

  private final AttributeReference day = AttributeReference.create("day", DataTypes.IntegerType, false);
  private final AttributeReference ship = AttributeReference.create("ship", DataTypes.IntegerType, false);
  private final AttributeReference commit = AttributeReference.create("commit", DataTypes.IntegerType, false);
  private final AttributeReference qty = AttributeReference.create("qty", DataTypes.IntegerType, false);
  private final AttributeReference mode = AttributeReference.create("mode", DataTypes.StringType, true);

  private static Expression cmp(ComparisonOperator op, Expression l, Expression r) {
    return new BinaryComparison(op, l, r);
  }

  @Test
  void bothBoundsOfANarrowRangeRunFirstAndTogetherBeforeWideOnesAndColumnComparisons() {
    Expression shipBeforeCommit = cmp(ComparisonOperator.LESS_THAN, ship, commit);
    Expression dayFrom = cmp(ComparisonOperator.GREATER_THAN_OR_EQUAL, day, Literal.of(1000));
    // Alone, day < 1365 keeps 55%; with day >= 1000 the range keeps 365 of 2500 days (14.6%).
    Expression dayTo = cmp(ComparisonOperator.LESS_THAN, day, Literal.of(1365));
    // qty >= 5 keeps 46 of 50 values: worth little, so it runs after the column comparison (cost 2, keeps half).
    Expression qtyFrom = cmp(ComparisonOperator.GREATER_THAN_OR_EQUAL, qty, Literal.of(5));
    List<Expression> ordered = ScanConjunctOrder.order(List.of(shipBeforeCommit, qtyFrom, dayFrom, dayTo), FILES);
    // Both bounds are one conjunct, tested together on the same rows.
    assertThat(ordered).containsExactly(new And(dayFrom, dayTo), shipBeforeCommit, qtyFrom);
  }

  @Test
  void aSelectiveStringTestRunsBeforeAnUnselectiveComparisonAndCompositesCostTheirParts() {
    // mode IN of two values keeps 2 x 5% (strings have no range): rank 1 / 0.9; day <= 2000 keeps 80%:
    // rank 1 / 0.2; the OR of two qty ranges keeps 20% + 20% at cost 4: rank 4 / 0.6.
    Expression modeIn = new In(mode, List.of(Literal.of("MAIL"), Literal.of("SHIP")));
    Expression dayTo = cmp(ComparisonOperator.LESS_THAN_OR_EQUAL, day, Literal.of(1999));
    Expression qtyRanges = new Or(
        new And(cmp(ComparisonOperator.GREATER_THAN_OR_EQUAL, qty, Literal.of(1)),
            cmp(ComparisonOperator.LESS_THAN_OR_EQUAL, qty, Literal.of(10))),
        new And(cmp(ComparisonOperator.GREATER_THAN_OR_EQUAL, qty, Literal.of(41)),
            cmp(ComparisonOperator.LESS_THAN_OR_EQUAL, qty, Literal.of(50))));
    assertThat(ScanConjunctOrder.cost(qtyRanges)).isEqualTo(4);
    assertThat(ScanConjunctOrder.passFraction(qtyRanges, FILES)).isEqualTo(0.4);
    List<Expression> ordered = ScanConjunctOrder.order(List.of(dayTo, qtyRanges, modeIn), FILES);
    assertThat(ordered).containsExactly(modeIn, dayTo, qtyRanges);
  }

  @Test
  void withoutStatisticsConjunctsRunByCostKeepingTheirOrderOnTies() {
    Expression notNull = new IsNotNull(mode);
    Expression like = new Like(mode, Literal.of("%x%"));
    Expression shipBeforeCommit = cmp(ComparisonOperator.LESS_THAN, ship, commit);
    Expression dayTo = cmp(ComparisonOperator.LESS_THAN, day, Literal.of(5));
    Expression qtyTo = cmp(ComparisonOperator.LESS_THAN, qty, Literal.of(5));
    List<Expression> ordered = ScanConjunctOrder.order(List.of(like, qtyTo, shipBeforeCommit, dayTo, notNull),
        null);
    assertThat(ordered).containsExactly(notNull, qtyTo, dayTo, shipBeforeCommit, like);
  }
}

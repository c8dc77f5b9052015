package dev.ember.sql.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.sql.plan.expressions.And;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.BinaryComparison;
import dev.ember.sql.plan.expressions.ComparisonOperator;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.Literal;
import dev.ember.sql.plan.expressions.Origin;
import dev.ember.sql.types.DataTypes;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatisticsTest {

  private final AttributeReference id = AttributeReference.create("id", DataTypes.IntegerType, true);
  private final AttributeReference name = AttributeReference.create("name", DataTypes.StringType, true);
  private final LocalRelation relation = new LocalRelation(List.of(id, name),
      List.of(List.of(1, "a"), List.of(2, "b"), List.of(3, "c")));

  @Test
  void localRelationsAreRowsTimesRowWidth() {
    // 8 bytes of row overhead + 4 for the int + 20 for the string, three rows.
    assertThat(Statistics.sizeInBytes(relation)).isEqualTo(3 * 32);
    assertThat(Statistics.sizeInBytes(new Project(List.<Expression>of(id), relation))).isEqualTo(3 * 12);
    assertThat(Statistics.sizeInBytes(new Limit(Literal.of(1), relation))).isEqualTo(32);
  }

  @Test
  void joinsMultiplyAndSemiJoinsKeepTheLeft() {
    assertThat(Statistics.rowCount(new Join(relation, relation, JoinType.INNER, null))).isEqualTo(9);
    assertThat(Statistics.rowCount(new Join(relation, relation, JoinType.LEFT_SEMI, null))).isEqualTo(3);
    assertThat(Statistics.rowCount(new SetOperation(SetOperation.Kind.UNION, true, relation, relation)))
        .isEqualTo(6);
  }

  @Test
  void equiJoinsExpectTheirLargerInputButStayBoundedByTheProduct() {
    AttributeReference key = AttributeReference.create("key", DataTypes.IntegerType, true);
    LocalRelation larger = new LocalRelation(List.of(key),
        List.of(List.of(1), List.of(1), List.of(2), List.of(3), List.of(3)));
    Join equi = new Join(relation, larger, JoinType.INNER,
        new BinaryComparison(ComparisonOperator.EQUAL, key, id));
    assertThat(Statistics.expectedRowCount(equi)).isEqualTo(5);
    assertThat(Statistics.rowCount(equi)).isEqualTo(15);
    Join theta = new Join(relation, larger, JoinType.INNER,
        new BinaryComparison(ComparisonOperator.LESS_THAN, key, id));
    assertThat(Statistics.expectedRowCount(theta)).isEqualTo(15);
    assertThat(Statistics.expectedRowCount(new Join(relation, larger, JoinType.CROSS, null))).isEqualTo(15);
  }

  @Test
  void filtersHalveTheExpectedRowsPerConjunctButNotTheBound() {
    LocalRelation many = new LocalRelation(List.of(id), java.util.Collections.nCopies(64, List.<Object>of(1)));
    Expression positive = new BinaryComparison(ComparisonOperator.GREATER_THAN, id, Literal.of(0));
    Expression small = new BinaryComparison(ComparisonOperator.LESS_THAN, id, Literal.of(9));
    assertThat(Statistics.expectedRowCount(new Filter(positive, many))).isEqualTo(32);
    assertThat(Statistics.expectedRowCount(new Filter(new And(positive, small), many))).isEqualTo(16);
    assertThat(Statistics.expectedRowCount(new Filter(new And(new And(positive, small), new And(positive,
        small)), many))).isEqualTo(8);
    assertThat(Statistics.rowCount(new Filter(positive, many))).isEqualTo(64);
  }

  @Test
  void unknownRelationsAreTooBigAndSizedOnesReportTheirSize() {
    LogicalPlan unknown = new UnresolvedRelation(List.of("t"), Origin.NONE);
    assertThat(Statistics.sizeInBytes(unknown)).isEqualTo(Statistics.UNKNOWN);
    assertThat(Statistics.sizeInBytes(new Join(relation, unknown, JoinType.INNER, null)))
        .isEqualTo(Statistics.UNKNOWN);
    SizedRelation sized = new SizedRelation() {
      @Override
      public long sizeInBytes() {
        return 3200;
      }

      @Override
      public List<AttributeReference> output() {
        return List.of(id, name);
      }

      @Override
      public String simpleString() {
        return "Sized";
      }
    };
    assertThat(Statistics.rowCount(sized)).isEqualTo(100);
    assertThat(Statistics.sizeInBytes(sized)).isEqualTo(3200);
  }
}

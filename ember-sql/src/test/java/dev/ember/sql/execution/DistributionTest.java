package dev.ember.sql.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.types.DataTypes;
import java.util.List;
import org.junit.jupiter.api.Test;

class DistributionTest {

  private final AttributeReference orderKey = AttributeReference.create("o_orderkey", DataTypes.LongType, true);
  private final AttributeReference lineKey = AttributeReference.create("l_orderkey", DataTypes.LongType, true);
  private final AttributeReference other = AttributeReference.create("c_custkey", DataTypes.LongType, true);

  @Test
  void aPartitioningCollectionSatisfiesWhatAnyMemberSatisfies() {
    Partitioning both = new Partitioning.Collection(List.of(new Partitioning.Hash(List.<Expression>of(lineKey), 2),
        new Partitioning.Hash(List.<Expression>of(orderKey), 2)));
    assertThat(both.numPartitions()).isEqualTo(2);
    assertThat(new Distribution.HashClustered(List.of(orderKey)).satisfiedBy(both)).isTrue();
    assertThat(new Distribution.HashClustered(List.of(lineKey)).satisfiedBy(both)).isTrue();
    assertThat(new Distribution.Clustered(List.of(orderKey, other)).satisfiedBy(both)).isTrue();
    assertThat(new Distribution.HashClustered(List.of(other)).satisfiedBy(both)).isFalse();
    assertThat(new Distribution.AllTuples().satisfiedBy(both)).isFalse();
  }
}

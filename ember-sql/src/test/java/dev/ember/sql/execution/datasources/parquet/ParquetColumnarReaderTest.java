package dev.ember.sql.execution.datasources.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.sql.execution.datasources.SourceFilter;
import dev.ember.sql.execution.datasources.SourceFilter.Comparison;
import dev.ember.sql.types.DataTypes;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParquetColumnarReaderTest {

  private static SourceFilter compare(Comparison comparison, String column) {
    return new SourceFilter.Compare(comparison, column, DataTypes.IntegerType, 1);
  }

  @Test
  void dictionariesFilterRowGroupsOnlyForTestsOfParticularValues() {
    SourceFilter range = new SourceFilter.And(compare(Comparison.GreaterThanOrEqual, "day"),
        compare(Comparison.LessThan, "day"));
    assertThat(ParquetColumnarReader.testsValues(List.of())).isFalse();
    assertThat(ParquetColumnarReader.testsValues(List.of(range, new SourceFilter.IsNotNull("day")))).isFalse();
    assertThat(ParquetColumnarReader.testsValues(List.of(range, compare(Comparison.EqualTo, "mode")))).isTrue();
    assertThat(ParquetColumnarReader.testsValues(List.of(new SourceFilter.Or(range,
        new SourceFilter.Not(new SourceFilter.In("mode", DataTypes.StringType, List.of("AIR"))))))).isTrue();
  }
}

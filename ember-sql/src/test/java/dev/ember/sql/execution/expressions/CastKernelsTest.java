package dev.ember.sql.execution.expressions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.sql.SqlExecutionException;
import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.ColumnVectors;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.DecimalType;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CastKernelsTest {

  private static List<Object> cast(DataType from, DataType to, boolean ansi, Object... values) {
    ColumnVector v = ColumnVectors.of(from, Arrays.asList(values));
    ColumnVector out = CastKernels.cast(v, to, ansi, "UTC", values.length);
    return java.util.stream.IntStream.range(0, values.length).mapToObj(out::getBoxed).toList();
  }

  @Test
  void stringsToNumbersAreNullWhenMalformedOrAnErrorInAnsiMode() {
    assertThat(cast(DataTypes.StringType, DataTypes.IntegerType, false, "12", " 7 ", "1.9", "x", null))
        .containsExactly(12, 7, 1, null, null);
    assertThatThrownBy(() -> cast(DataTypes.StringType, DataTypes.IntegerType, true, "x"))
        .isInstanceOf(SqlExecutionException.class)
        .hasMessageContaining("CAST_INVALID_INPUT").hasMessageContaining("'x'").hasMessageContaining("\"INT\"");
  }

  @Test
  void integersWidenToDecimalsInALoopAndNarrowWithRounding() {
    assertThat(cast(DataTypes.LongType, new DecimalType(20, 0), false, 5L, Long.MAX_VALUE))
        .containsExactly(new BigDecimal("5"), new BigDecimal(Long.MAX_VALUE));
    assertThat(cast(new DecimalType(5, 3), new DecimalType(4, 2), false, new BigDecimal("1.005"),
        new BigDecimal("-1.005"))).containsExactly(new BigDecimal("1.01"), new BigDecimal("-1.01"));
    assertThat(cast(new DecimalType(5, 1), new DecimalType(3, 1), false, new BigDecimal("1234.5")))
        .containsExactly((Object) null);
    assertThatThrownBy(() -> cast(new DecimalType(5, 1), new DecimalType(3, 1), true, new BigDecimal("1234.5")))
        .hasMessageContaining("CAST_OVERFLOW");
  }

  @Test
  void narrowingWrapsAndDoublesSaturate() {
    assertThat(cast(DataTypes.LongType, DataTypes.ByteType, false, 300L, -129L)).containsExactly(44, 127);
    assertThat(cast(DataTypes.DoubleType, DataTypes.IntegerType, false, 1e20, -4.7, Double.NaN))
        .containsExactly(Integer.MAX_VALUE, -4, 0);
  }

  @Test
  void timestampsReadAndPrintInTheZone() {
    long micros = DateTimeUtils.parseTimestamp("2020-01-01 10:00:00", java.time.ZoneId.of("UTC"));
    assertThat(cast(DataTypes.StringType, DataTypes.TimestampType, false, "2020-01-01 10:00:00"))
        .containsExactly(micros);
    assertThat(CastKernels.castValue(micros, DataTypes.TimestampType, DataTypes.StringType, false,
        "America/Los_Angeles")).isEqualTo("2020-01-01 02:00:00");
    assertThat(CastKernels.castValue(micros, DataTypes.TimestampType, DataTypes.DateType, false, "Asia/Tokyo"))
        .isEqualTo((int) java.time.LocalDate.of(2020, 1, 1).toEpochDay());
    assertThat(cast(DataTypes.StringType, DataTypes.DateType, false, "2020-02-30", "2020-1-5", "2020"))
        .containsExactly(null, (int) java.time.LocalDate.of(2020, 1, 5).toEpochDay(),
            (int) java.time.LocalDate.of(2020, 1, 1).toEpochDay());
  }

  @Test
  void whichCastsSparkAllows() {
    assertThat(CastKernels.canCast(DataTypes.DateType, DataTypes.TimestampType)).isTrue();
    assertThat(CastKernels.canCast(DataTypes.DateType, DataTypes.IntegerType)).isFalse();
    assertThat(CastKernels.canCast(DataTypes.LongType, DataTypes.TimestampType)).isTrue();
    assertThat(CastKernels.canCast(DataTypes.DayTimeIntervalType, DataTypes.StringType)).isTrue();
    assertThat(CastKernels.canCast(DataTypes.StringType, DataTypes.DayTimeIntervalType)).isFalse();
  }
}

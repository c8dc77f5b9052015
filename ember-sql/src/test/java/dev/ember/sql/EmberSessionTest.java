package dev.ember.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.EmberContext;
import org.junit.jupiter.api.Test;

class EmberSessionTest {

  @Test
  void getOrCreateReturnsTheActiveSessionUntilItStops() {
    EmberSession session = EmberSession.builder().master("local[1]").appName("one").getOrCreate();
    try {
      assertThat(EmberSession.builder().getOrCreate()).isSameAs(session);
      assertThat(session.emberContext().appName()).isEqualTo("one");
      assertThat(session.sql("SELECT 40 + 2 AS answer").first().getInt(0)).isEqualTo(42);
    } finally {
      session.stop();
    }
    assertThat(EmberContext.getActive().filter(c -> !c.isStopped())).isEmpty();
  }

  @Test
  void ansiModeTurnsOverflowIntoAnError() {
    EmberSession session = EmberSession.builder().master("local[1]").appName("ansi")
        .config("spark.sql.ansi.enabled", "true").getOrCreate();
    try {
      assertThatThrownBy(() -> session.sql("SELECT 2147483647 + 1").collectAsList())
          .isInstanceOfSatisfying(SqlExecutionException.class, e -> {
            assertThat(e.getCondition()).isEqualTo("ARITHMETIC_OVERFLOW");
            assertThat(e.getSqlState()).isEqualTo("22003");
          });
    } finally {
      session.stop();
    }
  }

  @Test
  void timestampsAreReadAndShownInTheSessionTimeZone() {
    EmberSession session = EmberSession.builder().master("local[1]").appName("zone")
        .config("spark.sql.session.timeZone", "America/Los_Angeles").getOrCreate();
    try {
      Row row = session.sql("SELECT CAST(TIMESTAMP '2020-01-01 10:00:00' AS STRING), "
          + "hour(CAST('2020-01-01T10:00:00Z' AS TIMESTAMP)), unix_timestamp(TIMESTAMP '1970-01-01 00:00:00'), "
          + "CAST(CAST('2020-01-01T02:00:00Z' AS TIMESTAMP) AS DATE)").first();
      assertThat(row).isEqualTo(RowFactory.create("2020-01-01 10:00:00", 2, 28800L,
          java.time.LocalDate.of(2019, 12, 31)));
      assertThat(session.sql("SELECT TIMESTAMP '2020-01-01 10:00:00' AS t").showString(20, 0))
          .contains("|2020-01-01 10:00:00|");
    } finally {
      session.stop();
    }
  }
}

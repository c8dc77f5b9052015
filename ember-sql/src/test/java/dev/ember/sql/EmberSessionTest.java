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
}

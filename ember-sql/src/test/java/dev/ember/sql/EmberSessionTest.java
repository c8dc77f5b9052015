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
  void ansiModeIsRejectedRatherThanIgnored() {
    assertThatThrownBy(() -> EmberSession.builder().master("local[1]").appName("ansi")
        .config("spark.sql.ansi.enabled", "true").getOrCreate())
        .isInstanceOfSatisfying(AnalysisException.class,
            e -> assertThat(e.getCondition()).isEqualTo("UNSUPPORTED_FEATURE"));
    // The context the builder started for the rejected session is stopped again.
    assertThat(EmberContext.getActive().filter(c -> !c.isStopped())).isEmpty();
  }
}

package dev.ember.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SET changes the settings the next query is analyzed and planned with, as in Spark. */
class RuntimeSettingsTest {

  private EmberSession session;

  @BeforeEach
  void start() {
    session = EmberSession.builder().master("local[2]").appName("RuntimeSettingsTest").getOrCreate();
  }

  @AfterEach
  void stop() {
    session.stop();
  }

  @Test
  void setAnsiModeTurnsBadCastsIntoErrorsAndBack() {
    assertThat(session.sql("SELECT CAST('abc' AS INT) AS v").first().isNullAt(0)).isTrue();
    session.sql("SET spark.sql.ansi.enabled=true");
    assertThatThrownBy(() -> session.sql("SELECT CAST('abc' AS INT) AS v").collectAsList())
        .hasMessageContaining("CAST_INVALID_INPUT");
    session.sql("RESET spark.sql.ansi.enabled");
    assertThat(session.sql("SELECT CAST('abc' AS INT) AS v").first().isNullAt(0)).isTrue();
  }

  @Test
  void setSessionTimeZoneChangesHowTimestampsRead() {
    session.sql("SET spark.sql.session.timeZone=UTC");
    long utc = session.sql("SELECT unix_timestamp(TIMESTAMP '2024-01-01 00:00:00') AS s").first().getLong(0);
    session.sql("SET spark.sql.session.timeZone=Asia/Tokyo");
    long tokyo = session.sql("SELECT unix_timestamp(TIMESTAMP '2024-01-01 00:00:00') AS s").first().getLong(0);
    assertThat(utc - tokyo).isEqualTo(9 * 3600L);
  }

  @Test
  void setBroadcastThresholdChangesTheJoinStrategy() {
    session.sql("CREATE TEMPORARY VIEW a AS SELECT * FROM (VALUES (1, 'x'), (2, 'y')) AS a(k, v)");
    session.sql("CREATE TEMPORARY VIEW b AS SELECT * FROM (VALUES (1, 10), (2, 20)) AS b(k, w)");
    String join = "SELECT v, w FROM a JOIN b ON a.k = b.k";
    assertThat(session.sql(join).queryExecution().executedPlan().treeString()).contains("BroadcastHashJoin");
    session.sql("SET spark.sql.autoBroadcastJoinThreshold=-1");
    assertThat(session.sql(join).queryExecution().executedPlan().treeString())
        .contains("ShuffledHashJoin").doesNotContain("BroadcastHashJoin");
    assertThat(session.sql(join + " ORDER BY v").collectAsList()).hasToString("[[x,10], [y,20]]");
  }
}

package dev.ember.cluster.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.EmberException;
import org.junit.jupiter.api.Test;

class DeployArgumentsTest {

  @Test
  void masterUrlsAreParsedInEmberAndSparkSpelling() {
    assertThat(MasterAddress.parse("ember://10.0.0.5:7077")).isEqualTo(new MasterAddress("10.0.0.5", 7077));
    assertThat(MasterAddress.parse("spark://host:7000")).isEqualTo(new MasterAddress("host", 7000));
    assertThat(MasterAddress.accepts("local[2]")).isFalse();
  }

  @Test
  void aMasterUrlWithoutPortIsRejected() {
    assertThatThrownBy(() -> MasterAddress.parse("ember://host"))
        .isInstanceOf(EmberException.class)
        .hasMessageContaining("ember://HOST:PORT");
  }

  @Test
  void optionsAndPositionalArgumentsAreSeparated() {
    CommandLine line = CommandLine.parse(new String[] {"ember://h:1", "--cores", "3", "--memory", "2g"});

    assertThat(line.positional()).containsExactly("ember://h:1");
    assertThat(line.getInt("cores", 1)).isEqualTo(3);
    assertThat(CommandLine.memoryMb(line.get("memory", "1g"))).isEqualTo(2048);
    assertThat(CommandLine.memoryMb("512m")).isEqualTo(512);
    assertThat(CommandLine.memoryMb("300")).isEqualTo(300);
  }
}

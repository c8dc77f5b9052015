package dev.ember.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SqlCliArgumentsTest {

  @Test
  void parsesEveryOption() {
    SqlCliArguments args = SqlCliArguments.parse(List.of("--master", "local[2]", "--conf",
        "spark.sql.cli.print.header=true", "-S", "--database", "default", "-i", "init.sql", "-e", "SELECT 1"));
    assertThat(args.master()).isEqualTo("local[2]");
    assertThat(args.conf()).isEqualTo(Map.of("spark.sql.cli.print.header", "true"));
    assertThat(args.silent()).isTrue();
    assertThat(args.initFile()).isEqualTo("init.sql");
    assertThat(args.execute()).isEqualTo("SELECT 1");
    assertThat(args.file()).isNull();
    assertThat(args.database()).isEqualTo("default");
  }

  @Test
  void rejectsWrongUsage() {
    assertThatThrownBy(() -> SqlCliArguments.parse(List.of("-e", "SELECT 1", "-f", "x.sql")))
        .hasMessageStartingWith("Give -e or -f, not both.");
    assertThatThrownBy(() -> SqlCliArguments.parse(List.of("--conf", "novalue")))
        .hasMessageStartingWith("--conf takes KEY=VALUE, but got 'novalue'.");
    assertThatThrownBy(() -> SqlCliArguments.parse(List.of("-e"))).hasMessageStartingWith("Option -e needs a value.");
    assertThatThrownBy(() -> SqlCliArguments.parse(List.of("--bogus", "1")))
        .hasMessageStartingWith("Unknown option --bogus.");
    assertThatThrownBy(() -> SqlCliArguments.parse(List.of("--help"))).hasMessageStartingWith("Usage: ember-sql");
  }
}

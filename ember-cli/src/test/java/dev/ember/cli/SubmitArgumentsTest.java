package dev.ember.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SubmitArgumentsTest {

  @Test
  void optionsBeforeTheJarAndApplicationArgumentsAfterIt() {
    SubmitArguments args = SubmitArguments.parse(List.of("--master", "local[3]", "--conf", "spark.a=b=c",
        "--class", "com.acme.Main", "--name", "job", "app.jar", "--master", "x", "in.txt"));
    assertThat(args.master()).isEqualTo("local[3]");
    assertThat(args.mainClass()).isEqualTo("com.acme.Main");
    assertThat(args.name()).isEqualTo("job");
    assertThat(args.conf()).isEqualTo(Map.of("spark.a", "b=c"));
    assertThat(args.appJar()).isEqualTo("app.jar");
    assertThat(args.appArgs()).containsExactly("--master", "x", "in.txt");
  }

  @Test
  void driverMemoryBecomesASetting() {
    SubmitArguments args = SubmitArguments.parse(List.of("--driver-memory", "2g", "app.jar"));
    assertThat(args.conf()).containsEntry("spark.driver.memory", "2g");
    assertThat(args.master()).isNull();
  }

  @Test
  void badCommandLinesSayWhatIsWrong() {
    assertThatThrownBy(() -> SubmitArguments.parse(List.of("--master")))
        .hasMessageContaining("--master needs a value");
    assertThatThrownBy(() -> SubmitArguments.parse(List.of("--conf", "novalue", "app.jar")))
        .hasMessageContaining("KEY=VALUE");
    assertThatThrownBy(() -> SubmitArguments.parse(List.of("--frobnicate", "1", "app.jar")))
        .hasMessageContaining("Unknown option --frobnicate");
    assertThatThrownBy(() -> SubmitArguments.parse(List.of("--master", "local")))
        .hasMessageContaining("Missing the application jar");
  }
}

package dev.ember.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.bench.Engine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaCommandsTest {

  @TempDir
  Path home;

  @Test
  void emberRunsWithTheJvmOptionsOfItsOwnLaunchers() throws IOException {
    // the module directory is ember-bench/harness; the launchers' options are in bin/ember-common.sh
    String launcher = Files.readString(Path.of("../../bin/ember-common.sh"));
    for (String option : JavaCommands.EMBER_JVM_OPTIONS) {
      assertThat(launcher).as("bin/ember-common.sh starts applications with %s", option).contains(option);
    }
    Path classpath = home.resolve("ember-bench/harness/target/bench.classpath");
    Files.createDirectories(classpath.getParent());
    Files.writeString(classpath, "lib.jar");
    List<String> command = new JavaCommands(home, "4g").command(Engine.EMBER, List.of("wordcount"));
    assertThat(command).containsSubsequence("-Xmx4g", "-XX:+UseParallelGC", "-XX:TieredStopAtLevel=4", "-cp");
    assertThat(command).doesNotContain(JavaCommands.SPARK_JVM_OPTIONS.get(1));
  }
}

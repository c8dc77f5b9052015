package dev.ember.rdd.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.EmberException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputPathsTest {

  @TempDir
  Path dir;

  @BeforeEach
  void files() throws IOException {
    Files.createDirectories(dir.resolve("2024/01"));
    Files.createDirectories(dir.resolve("2024/02"));
    Files.writeString(dir.resolve("2024/01/a.txt"), "a");
    Files.writeString(dir.resolve("2024/01/b.log"), "b");
    Files.writeString(dir.resolve("2024/02/c.txt"), "c");
    Files.writeString(dir.resolve("2024/02/_SUCCESS"), "");
    Files.writeString(dir.resolve("2024/02/.hidden"), "");
  }

  private List<String> names(String spec) {
    return InputPaths.resolve(spec).stream().map(p -> dir.relativize(p).toString()).toList();
  }

  @Test
  void directoryListsItsVisibleFiles() {
    assertThat(names(dir.resolve("2024/02").toString())).containsExactly("2024/02/c.txt");
  }

  @Test
  void globsMatchInTheLastComponentsAndExpandDirectories() {
    assertThat(names(dir + "/2024/*/*.txt")).containsExactly("2024/01/a.txt", "2024/02/c.txt");
    assertThat(names(dir + "/2024/0[1]/?.*")).containsExactly("2024/01/a.txt", "2024/01/b.log");
    assertThat(names(dir + "/2024/*")).containsExactly("2024/01/a.txt", "2024/01/b.log", "2024/02/c.txt");
    assertThat(names(dir + "/2024/{01,02}/a.txt")).containsExactly("2024/01/a.txt");
  }

  @Test
  void commaSeparatedListsAndFileScheme() {
    assertThat(names("file:" + dir + "/2024/01/a.txt," + dir + "/2024/02"))
        .containsExactly("2024/01/a.txt", "2024/02/c.txt");
  }

  @Test
  void missingPathAndEmptyGlobAreReported() {
    assertThatThrownBy(() -> InputPaths.resolve(dir + "/nope.txt"))
        .isInstanceOf(EmberException.class)
        .hasMessageContaining("PATH_NOT_FOUND")
        .hasMessageContaining("Input path does not exist")
        .hasMessageContaining("nope.txt");
    assertThatThrownBy(() -> InputPaths.resolve(dir + "/2024/*/*.csv"))
        .isInstanceOf(EmberException.class)
        .hasMessageContaining("matches 0 files");
  }
}

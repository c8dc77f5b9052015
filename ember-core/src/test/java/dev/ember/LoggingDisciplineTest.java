package dev.ember;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Guards the quiet default of core: it logs through SLF4J only (the launchers pick the binding), prints
 * nothing itself, and at INFO says one line per job and nothing else.
 */
class LoggingDisciplineTest {

  private static final Path SOURCES = Path.of("src/main/java");
  private static final Pattern INFO_CALL = Pattern.compile("\\bLOG\\.info\\(\"([^\"]*)\"");
  /** The per-job lines of DAGScheduler: a job finished, a job failed. */
  private static final List<String> ALLOWED_INFO = List.of("Job {} finished: {} with {} tasks, took {} s",
      "Job {} failed: {}: {}");

  private static List<Path> sources() throws IOException {
    try (Stream<Path> files = Files.walk(SOURCES)) {
      return files.filter(file -> file.toString().endsWith(".java")).toList();
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void infoIsOnlyUsedForThePerJobLines() throws IOException {
    List<String> infoLines = new ArrayList<>();
    for (Path file : sources()) {
      Matcher matcher = INFO_CALL.matcher(read(file));
      while (matcher.find()) {
        infoLines.add(matcher.group(1));
      }
      assertThat(read(file)).as(file + " logs at INFO through a form this guard cannot check")
          .doesNotContainPattern("LOG\\.info\\((?!\")");
    }
    assertThat(infoLines).allMatch(ALLOWED_INFO::contains);
  }

  @Test
  void libraryCodeNeverPrintsAndNeverBindsALogger() throws IOException {
    for (Path file : sources()) {
      assertThat(read(file)).as(file.toString())
          .doesNotContain("System.out.", "printStackTrace()", "org.slf4j.simple", "java.util.logging");
    }
    assertThat(Path.of("src/main/resources/simplelogger.properties")).doesNotExist();
  }
}

package dev.ember.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the launchers in bin/ as a user would, against the packaged build. */
class LaunchersIT {

  private static final Path HOME = Path.of(System.getProperty("ember.home", "..")).toAbsolutePath().normalize();

  @TempDir
  Path temp;

  /** The exit code and the standard output and error of a finished process. */
  record Result(int exitCode, String stdout, String stderr) {}

  static Result run(List<String> command) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(HOME.toFile());
    builder.environment().put("EMBER_LOG_LEVEL", "warn");
    File out = File.createTempFile("ember-out", ".txt");
    File err = File.createTempFile("ember-err", ".txt");
    builder.redirectOutput(out).redirectError(err);
    Process process = builder.start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("Timed out: " + command);
    }
    Result result = new Result(process.exitValue(), Files.readString(out.toPath()), Files.readString(err.toPath()));
    out.delete();
    err.delete();
    return result;
  }

  @Test
  void runExamplePiPrintsAnEstimate() throws Exception {
    Result result = run(List.of(HOME.resolve("bin/run-example").toString(), "--master", "local[2]", "Pi", "3"));
    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(result.stdout()).containsPattern("Pi is roughly 3\\.1\\d*");
  }

  @Test
  void runExampleWordCountPrintsOneLinePerWord() throws Exception {
    Path input = write(temp, "words.txt", "a b a\nc  a\n\nb\n");
    Result result = run(List.of(HOME.resolve("bin/run-example").toString(), "--master", "local[2]", "WordCount",
        input.toString()));
    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(result.stdout().lines().sorted()).containsExactly("a: 3", "b: 2", "c: 1");
  }

  @Test
  void runExamplePageRankMatchesHandComputedRanks() throws Exception {
    // Ten iterations of rank = 0.15 + 0.85 * sum(rank(src) / outDegree(src)) over these edges; node 4 has no
    // incoming edge, so, as in Spark's example, it drops out after the first iteration.
    Path edges = write(temp, "edges.txt", "1 2\n1 3\n2 3\n3 1\n4 1\n1 2\n");
    Result result = run(List.of(HOME.resolve("bin/run-example").toString(), "--master", "local[2]", "PageRank",
        edges.toString(), "10"));
    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(result.stdout().lines().sorted()).containsExactly(
        "1 has rank: 1.2405670780305078.",
        "2 has rank: 0.6863156877380461.",
        "3 has rank: 1.2699916385721675.");
  }

  @Test
  void emberSubmitReportsAMissingJarAndExitsNonZero() throws Exception {
    Result result = run(List.of(HOME.resolve("bin/ember-submit").toString(), "--class", "x.Y", "nope.jar"));
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stderr()).contains("Application jar nope.jar does not exist");
  }

  @Test
  void emberSubmitRunsTheExamplesJarWithConfiguration() throws Exception {
    Path examplesJar = Files.list(HOME.resolve("ember-cli/target/lib"))
        .filter(p -> p.getFileName().toString().startsWith("ember-examples")).findFirst().orElseThrow();
    List<String> command = new ArrayList<>(List.of(HOME.resolve("bin/ember-submit").toString(),
        "--master", "local[1]", "--conf", "spark.default.parallelism=3", "--class", "dev.ember.examples.Pi",
        examplesJar.toString(), "2"));
    Result result = run(command);
    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(result.stdout()).contains("Pi is roughly");
  }

  @Test
  void aFailingApplicationExitsNonZeroWithItsError() throws Exception {
    Result result = run(List.of(HOME.resolve("bin/run-example").toString(), "--master", "local[weird]", "Pi"));
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stderr()).contains("INVALID_MASTER_URL");
  }

  static Path write(Path dir, String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }
}

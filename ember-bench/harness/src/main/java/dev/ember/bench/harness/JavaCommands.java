package dev.ember.bench.harness;

import dev.ember.bench.Engine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line that starts each engine's child JVM, each with its own classpath: Ember and DuckDB
 * on the harness's runtime classpath (no Spark), Spark on the Spark runner's (no Ember).
 */
final class JavaCommands {

  /**
   * The JVM options Spark's own launcher adds on Java 17 (from Spark 4.0's
   * {@code org.apache.spark.launcher.JavaModuleOptions}): Spark reflects into these JDK packages.
   */
  static final List<String> SPARK_JVM_OPTIONS = List.of(
      "-XX:+IgnoreUnrecognizedVMOptions",
      "--add-modules=jdk.incubator.vector",
      "--add-opens=java.base/java.lang=ALL-UNNAMED",
      "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
      "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
      "--add-opens=java.base/java.io=ALL-UNNAMED",
      "--add-opens=java.base/java.net=ALL-UNNAMED",
      "--add-opens=java.base/java.nio=ALL-UNNAMED",
      "--add-opens=java.base/java.util=ALL-UNNAMED",
      "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
      "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
      "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
      "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
      "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
      "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
      "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
      "--add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED",
      "-Djdk.reflect.useDirectMethodHandle=false",
      "-Dio.netty.tryReflectionSetAccessible=true");

  /**
   * The JVM options Ember's own launchers ({@code bin/ember-common.sh}) start every application with, so the
   * benchmark runs Ember as its users run it, as it runs Spark with its launcher's options.
   */
  static final List<String> EMBER_JVM_OPTIONS = List.of("-XX:+UseParallelGC", "-XX:TieredStopAtLevel=4");

  private final Path home;
  private final String heap;

  JavaCommands(Path home, String heap) {
    this.home = home;
    this.heap = heap;
  }

  /** Whether the Spark runner has been built (its classpath file exists). */
  boolean sparkAvailable() {
    return Files.exists(sparkModule().resolve("target/spark.classpath"))
        && Files.isDirectory(sparkModule().resolve("target/classes"));
  }

  /** The command that runs {@code workload} on {@code engine} with these arguments. */
  List<String> command(Engine engine, List<String> arguments) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + heap);
    switch (engine) {
      case EMBER -> {
        command.addAll(EMBER_JVM_OPTIONS);
        command.add("-cp");
        command.add(benchClasspath());
        command.add("dev.ember.bench.ember.EmberRunner");
      }
      case DUCKDB -> {
        command.add("-cp");
        command.add(benchClasspath());
        command.add("dev.ember.bench.duckdb.DuckDbRunner");
      }
      case SPARK -> {
        command.addAll(SPARK_JVM_OPTIONS);
        command.add("-cp");
        command.add(sparkModule().resolve("target/classes") + java.io.File.pathSeparator
            + read(sparkModule().resolve("target/spark.classpath")));
        command.add("dev.ember.bench.spark.SparkRunner");
      }
      default -> throw new IllegalArgumentException("unknown engine " + engine);
    }
    command.addAll(arguments);
    return command;
  }

  private String benchClasspath() {
    Path harness = home.resolve("ember-bench/harness");
    return harness.resolve("target/classes") + java.io.File.pathSeparator
        + read(harness.resolve("target/bench.classpath"));
  }

  private Path sparkModule() {
    return home.resolve("ember-bench/spark-runner");
  }

  private static String read(Path file) {
    try {
      return Files.readString(file).trim();
    } catch (IOException e) {
      throw new UncheckedIOException("missing " + file + ": build with mvn -DskipTests package", e);
    }
  }
}

package dev.ember.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Compiles a user class at test time into a jar that is on no process's classpath, so only
 * {@code spark.jars} can bring it to the executors.
 */
final class UserJar {

  static final String CLASS_NAME = "userjob.Tripler";

  private UserJar() {}

  static Path build(Path dir) throws IOException {
    Path sources = Files.createDirectories(dir.resolve("src/userjob"));
    Path source = sources.resolve("Tripler.java");
    Files.writeString(source, """
        package userjob;
        public class Tripler implements dev.ember.api.function.Function<Integer, Integer> {
          @Override
          public Integer call(Integer value) {
            return value * 3;
          }
        }
        """);
    Path classes = Files.createDirectories(dir.resolve("classes"));
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    int status = compiler.run(null, null, null, "-cp", System.getProperty("java.class.path"), "-d",
        classes.toString(), source.toString());
    if (status != 0) {
      throw new IllegalStateException("Could not compile the user class");
    }
    Path jar = dir.resolve("user-job.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      Path file = classes.resolve("userjob/Tripler.class");
      out.putNextEntry(new JarEntry("userjob/Tripler.class"));
      Files.copy(file, out);
      out.closeEntry();
    }
    return jar;
  }
}

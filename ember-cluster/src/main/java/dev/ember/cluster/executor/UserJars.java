package dev.ember.cluster.executor;

import dev.ember.cluster.network.RawBytes;
import dev.ember.cluster.network.TransportConnection;
import dev.ember.cluster.scheduler.ClusterMessages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Fetches the application's jars ({@code spark.jars}) from the driver into a directory and loads classes from them. */
final class UserJars {

  private UserJars() {}

  /** A class loader over the fetched jars, whose parent is this process's class loader. */
  static ClassLoader fetch(TransportConnection driver, List<String> names, Path directory, Duration timeout) {
    if (names.isEmpty()) {
      return UserJars.class.getClassLoader();
    }
    List<URL> urls = new ArrayList<>();
    try {
      Files.createDirectories(directory);
      for (String name : names) {
        RawBytes bytes = driver.askSync(new ClusterMessages.FetchFile(name), timeout);
        Path jar = directory.resolve(Path.of(name).getFileName().toString());
        Files.write(jar, bytes.bytes());
        urls.add(jar.toUri().toURL());
      }
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not store the application's jars in " + directory, e);
    }
    return new URLClassLoader(urls.toArray(URL[]::new), UserJars.class.getClassLoader());
  }
}

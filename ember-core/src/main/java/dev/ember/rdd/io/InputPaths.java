package dev.ember.rdd.io;

import dev.ember.EmberException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Turns the path argument of {@code textFile} into the list of files to read, as Hadoop's
 * {@code FileInputFormat} does: a comma-separated list of paths, each a file, a directory (its files, not
 * recursively, skipping names starting with {@code _} or {@code .}) or a glob ({@code *}, {@code ?},
 * {@code [...]}, {@code {a,b}}) over one or more path components. A {@code file:} scheme is accepted.
 */
public final class InputPaths {

  private InputPaths() {}

  /**
   * The files named by {@code pathSpec}, each list entry's files in name order.
   *
   * @throws EmberException {@code PATH_NOT_FOUND} naming the first path that does not exist or glob that
   *     matches nothing
   */
  public static List<Path> resolve(String pathSpec) {
    List<Path> files = new ArrayList<>();
    for (String entry : splitList(pathSpec)) {
      String local = stripScheme(entry);
      if (hasGlob(local)) {
        files.addAll(expandGlob(entry, local));
      } else {
        files.addAll(filesOf(entry, Paths.get(local)));
      }
    }
    return files;
  }

  /** The entries of a comma-separated list; commas inside {@code {...}} belong to the glob. */
  static List<String> splitList(String pathSpec) {
    List<String> entries = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < pathSpec.length(); i++) {
      char c = pathSpec.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}') {
        depth = Math.max(0, depth - 1);
      } else if (c == ',' && depth == 0) {
        addEntry(entries, pathSpec.substring(start, i));
        start = i + 1;
      }
    }
    addEntry(entries, pathSpec.substring(start));
    return entries;
  }

  private static void addEntry(List<String> entries, String entry) {
    if (!entry.isBlank()) {
      entries.add(entry.trim());
    }
  }

  private static String stripScheme(String entry) {
    if (entry.startsWith("file://")) {
      return entry.substring("file://".length());
    }
    return entry.startsWith("file:") ? entry.substring("file:".length()) : entry;
  }

  private static boolean hasGlob(String path) {
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '*' || c == '?' || c == '[' || c == '{') {
        return true;
      }
    }
    return false;
  }

  private static List<Path> filesOf(String entry, Path path) {
    if (!Files.exists(path)) {
      throw new EmberException("PATH_NOT_FOUND", "Input path does not exist: " + describe(entry, path));
    }
    if (!Files.isDirectory(path)) {
      return List.of(path);
    }
    try (Stream<Path> children = Files.list(path)) {
      return children.filter(child -> Files.isRegularFile(child) && !isHidden(child))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list input directory " + path, e);
    }
  }

  private static boolean isHidden(Path path) {
    String name = path.getFileName().toString();
    return name.startsWith("_") || name.startsWith(".");
  }

  /** Walks from the longest glob-free prefix and keeps entries whose whole relative path matches. */
  private static List<Path> expandGlob(String entry, String local) {
    Path pattern = Paths.get(local).toAbsolutePath().normalize();
    int firstGlob = 0;
    while (firstGlob < pattern.getNameCount() && !hasGlob(pattern.getName(firstGlob).toString())) {
      firstGlob++;
    }
    Path base = pattern.getRoot().resolve(firstGlob == 0 ? "" : pattern.subpath(0, firstGlob).toString());
    int depth = pattern.getNameCount() - firstGlob;
    PathMatcher matcher = FileSystems.getDefault()
        .getPathMatcher("glob:" + pattern.subpath(firstGlob, pattern.getNameCount()));
    TreeSet<Path> matches = new TreeSet<>();
    if (Files.isDirectory(base)) {
      try (Stream<Path> walk = Files.walk(base, depth)) {
        walk.filter(p -> p.getNameCount() - base.getNameCount() == depth)
            .filter(p -> matcher.matches(base.relativize(p)))
            .forEach(matches::add);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot expand input pattern " + entry, e);
      }
    }
    if (matches.isEmpty()) {
      throw new EmberException("PATH_NOT_FOUND", "Input Pattern " + describe(entry, pattern) + " matches 0 files");
    }
    List<Path> files = new ArrayList<>();
    for (Path match : matches) {
      files.addAll(filesOf(entry, match));
    }
    return files;
  }

  private static String describe(String entry, Path path) {
    return "file:" + path.toAbsolutePath() + (entry.equals(path.toString()) ? "" : " (from '" + entry + "')");
  }
}

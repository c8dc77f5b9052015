package dev.ember.sql.execution.datasources;

import dev.ember.sql.AnalysisException;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The files under the paths of a read, listed once on the driver when the DataFrame is created (Spark's
 * {@code InMemoryFileIndex}): directories are walked recursively, names starting with {@code _} or
 * {@code .} are skipped, and {@code key=value} directories become typed partition columns.
 */
public final class FileIndex implements Serializable {

  private static final long serialVersionUID = 1L;
  private final List<String> rootPaths;
  private final StructType partitionSchema;
  private final List<PartitionDirectory> partitions;

  private FileIndex(List<String> rootPaths, StructType partitionSchema, List<PartitionDirectory> partitions) {
    this.rootPaths = List.copyOf(rootPaths);
    this.partitionSchema = partitionSchema;
    this.partitions = List.copyOf(partitions);
  }

  /**
   * Lists {@code paths} (files, directories or globs in the last path component; {@code file:} accepted).
   *
   * @param userSchema the schema the user gave, whose fields fix the types of partition columns of the same
   *     name; or null
   * @throws AnalysisException {@code PATH_NOT_FOUND} for a path that does not exist
   */
  public static FileIndex list(List<String> paths, StructType userSchema) {
    List<String> roots = new ArrayList<>();
    List<Leaf> leaves = new ArrayList<>();
    for (String spec : paths) {
      for (Path root : expand(spec)) {
        roots.add(root.toString());
        walk(root, leaves);
      }
    }
    List<String> columns = partitionColumns(leaves);
    List<DataType> types = new ArrayList<>();
    for (int c = 0; c < columns.size(); c++) {
      int index = userSchema == null ? -1 : userSchema.fieldIndexOrMinusOne(columns.get(c));
      if (index >= 0) {
        types.add(userSchema.apply(index).dataType());
        continue;
      }
      List<String> raw = new ArrayList<>();
      for (Leaf leaf : leaves) {
        raw.add(leaf.rawValues.get(c));
      }
      types.add(PartitionPaths.inferType(raw));
    }
    List<StructField> fields = new ArrayList<>();
    for (int c = 0; c < columns.size(); c++) {
      fields.add(new StructField(columns.get(c), types.get(c), true));
    }
    Map<List<Object>, List<PartitionedFile>> grouped = new LinkedHashMap<>();
    for (Leaf leaf : leaves) {
      List<Object> values = new ArrayList<>();
      for (int c = 0; c < columns.size(); c++) {
        values.add(PartitionPaths.parse(leaf.rawValues.get(c), types.get(c)));
      }
      grouped.computeIfAbsent(values, v -> new ArrayList<>()).add(leaf.file);
    }
    List<PartitionDirectory> partitions = new ArrayList<>();
    grouped.forEach((values, files) -> partitions.add(new PartitionDirectory(values, files)));
    return new FileIndex(roots, new StructType(fields), partitions);
  }

  /** The paths as given, resolved. */
  public List<String> rootPaths() {
    return rootPaths;
  }

  /** The partition columns discovered, in directory order. */
  public StructType partitionSchema() {
    return partitionSchema;
  }

  /** Every partition directory with its files (one entry without values when unpartitioned). */
  public List<PartitionDirectory> partitions() {
    return partitions;
  }

  /** Every data file. */
  public List<Path> allFiles() {
    List<Path> files = new ArrayList<>();
    for (PartitionDirectory partition : partitions) {
      for (PartitionedFile file : partition.files()) {
        files.add(Paths.get(file.path()));
      }
    }
    return files;
  }

  /** The total size of the data files, the relation's {@code sizeInBytes} statistic. */
  public long sizeInBytes() {
    long total = 0;
    for (PartitionDirectory partition : partitions) {
      for (PartitionedFile file : partition.files()) {
        total += file.size();
      }
    }
    return total;
  }

  private static List<Path> expand(String spec) {
    String local = spec.startsWith("file://") ? spec.substring(7) : spec.startsWith("file:") ? spec.substring(5) : spec;
    Path path = Paths.get(local).toAbsolutePath().normalize();
    String last = path.getFileName() == null ? "" : path.getFileName().toString();
    if (last.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{')) {
      Path parent = path.getParent();
      PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + last);
      List<Path> matches = new ArrayList<>();
      if (parent != null && Files.isDirectory(parent)) {
        try (Stream<Path> children = Files.list(parent)) {
          children.filter(p -> matcher.matches(p.getFileName()) && !isHidden(p)).sorted().forEach(matches::add);
        } catch (IOException e) {
          throw new UncheckedIOException("Cannot list " + parent, e);
        }
      }
      if (matches.isEmpty()) {
        throw notFound(spec);
      }
      return matches;
    }
    if (!Files.exists(path)) {
      throw notFound(spec);
    }
    return List.of(path);
  }

  private static AnalysisException notFound(String spec) {
    String shown = spec.startsWith("file:") ? spec : "file:" + Paths.get(spec).toAbsolutePath().normalize();
    return new AnalysisException("PATH_NOT_FOUND", Map.of("path", shown));
  }

  private static boolean isHidden(Path path) {
    String name = path.getFileName().toString();
    return name.startsWith("_") || name.startsWith(".");
  }

  private static void walk(Path root, List<Leaf> leaves) {
    if (!Files.isDirectory(root)) {
      leaves.add(new Leaf(file(root), List.of(), List.of()));
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path path : walk.sorted().toList()) {
        Path relative = root.relativize(path);
        if (!Files.isRegularFile(path) || relative.toString().isEmpty() || anyHidden(relative)) {
          continue;
        }
        List<String> names = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (int i = 0; i < relative.getNameCount() - 1; i++) {
          String segment = relative.getName(i).toString();
          int eq = segment.indexOf('=');
          if (eq <= 0) {
            names = null;
            break;
          }
          names.add(PartitionPaths.unescape(segment.substring(0, eq)));
          String raw = PartitionPaths.unescape(segment.substring(eq + 1));
          values.add(raw.equals(PartitionPaths.DEFAULT_PARTITION_NAME) ? null : raw);
        }
        leaves.add(names == null ? new Leaf(file(path), List.of(), List.of()) : new Leaf(file(path), names, values));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + root, e);
    }
  }

  private static boolean anyHidden(Path relative) {
    for (Path name : relative) {
      if (isHidden(name)) {
        return true;
      }
    }
    return false;
  }

  private static PartitionedFile file(Path path) {
    try {
      return new PartitionedFile(path.toAbsolutePath().toString(), Files.size(path));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the size of " + path, e);
    }
  }

  private static List<String> partitionColumns(List<Leaf> leaves) {
    if (leaves.isEmpty()) {
      return List.of();
    }
    List<String> columns = leaves.get(0).names;
    for (Leaf leaf : leaves) {
      if (!sameNames(leaf.names, columns)) {
        throw new AnalysisException("CONFLICTING_PARTITION_COLUMN_NAMES", Map.of(
            "distinctPartColLists", "[" + String.join(", ", columns) + "] and [" + String.join(", ", leaf.names)
                + "] (" + leaf.file.path() + ")"));
      }
    }
    return columns;
  }

  private static boolean sameNames(List<String> a, List<String> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!a.get(i).equalsIgnoreCase(b.get(i))) {
        return false;
      }
    }
    return true;
  }

  /** One file with its raw partition names and values. */
  private record Leaf(PartitionedFile file, List<String> names, List<String> rawValues) {
    Leaf {
      names = List.copyOf(names);
      rawValues = Collections.unmodifiableList(new ArrayList<>(rawValues));
    }
  }

  @Override
  public String toString() {
    return "InMemoryFileIndex(" + rootPaths.size() + " paths)[" + String.join(", ",
        rootPaths.stream().map(p -> "file:" + p).toList()) + "]";
  }
}

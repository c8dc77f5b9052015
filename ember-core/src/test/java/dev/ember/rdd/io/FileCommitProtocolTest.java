package dev.ember.rdd.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.EmberException;
import dev.ember.rdd.io.FileCommitProtocol.ExistingOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileCommitProtocolTest {

  @TempDir
  Path tmp;

  private static void write(Path file, String text) throws IOException {
    Files.writeString(file, text);
  }

  private static List<String> tree(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).sorted().toList();
    }
  }

  @Test
  void publishesOnlyTheCommittedAttemptOfEachTask() throws IOException {
    Path out = tmp.resolve("out");
    FileCommitProtocol protocol = new FileCommitProtocol(out.toString());
    protocol.setupJob();
    write(protocol.newTaskTempFile(0, 0, "part-00000"), "first attempt");
    protocol.commitTask(0, 0);
    write(protocol.newTaskTempFile(0, 1, "part-00000"), "second attempt");
    protocol.commitTask(0, 1);
    write(protocol.newTaskTempFile(1, 0, "part-00001"), "failed");
    protocol.abortTask(1, 0);
    write(protocol.newTaskTempFile(1, 1, "part-00001"), "b");
    protocol.commitTask(1, 1);
    assertThat(tree(out)).noneMatch(p -> p.startsWith("part-"));

    protocol.commitJob();

    assertThat(tree(out)).containsExactly("_SUCCESS", "part-00000", "part-00001");
    assertThat(Files.readString(out.resolve("part-00000"))).isEqualTo("second attempt");
  }

  @Test
  void refusesAnExistingDirectoryUnlessAskedToAppendOrOverwrite() throws IOException {
    Path out = Files.createDirectory(tmp.resolve("out"));
    assertThatThrownBy(() -> new FileCommitProtocol(out.toString()).setupJob())
        .isInstanceOf(EmberException.class).hasMessageContaining("PATH_ALREADY_EXISTS").hasMessageContaining("out");
    new FileCommitProtocol(out.toString(), "j", ExistingOutput.APPEND, Set.of()).setupJob();
  }

  @Test
  void appendKeepsOldFilesAndWritesPartitionDirectories() throws IOException {
    Path out = Files.createDirectory(tmp.resolve("out"));
    write(out.resolve("old.csv"), "old");
    FileCommitProtocol protocol = new FileCommitProtocol(out.toString(), "j1", ExistingOutput.APPEND, Set.of());
    protocol.setupJob();
    write(protocol.newTaskTempFile(0, 0, "year=2024", "part-0.csv"), "new");
    protocol.commitTask(0, 0);
    protocol.commitJob();
    assertThat(tree(out)).containsExactly("_SUCCESS", "old.csv", "year=2024/part-0.csv");
  }

  @Test
  void overwriteReplacesOldContentsButKeepsTheNamedFiles() throws IOException {
    Path out = Files.createDirectory(tmp.resolve("out"));
    write(out.resolve("old.csv"), "old");
    write(out.resolve("_meta.json"), "{}");
    Files.createDirectory(out.resolve("year=2023"));
    write(out.resolve("year=2023/part-9.csv"), "old");
    FileCommitProtocol protocol =
        new FileCommitProtocol(out.toString(), "j2", ExistingOutput.OVERWRITE, Set.of("_meta.json"));
    protocol.setupJob();
    write(protocol.newTaskTempFile(0, 0, "part-0.csv"), "new");
    protocol.commitTask(0, 0);
    protocol.commitJob();
    assertThat(tree(out)).containsExactly("_SUCCESS", "_meta.json", "part-0.csv");
  }

  @Test
  void abortingAFailedOverwriteKeepsTheOldDataAndRemovesTheTemporaryArea() throws IOException {
    Path out = Files.createDirectory(tmp.resolve("out"));
    write(out.resolve("old.csv"), "old");
    FileCommitProtocol protocol = new FileCommitProtocol(out.toString(), "j3", ExistingOutput.OVERWRITE, Set.of());
    protocol.setupJob();
    write(protocol.newTaskTempFile(0, 0, "part-0.csv"), "new");
    protocol.commitTask(0, 0);
    protocol.abortJob();
    assertThat(tree(out)).containsExactly("old.csv");
    assertThat(out.resolve("_temporary")).doesNotExist();
  }

  @Test
  void abortingAJobThatCreatedTheOutputDeletesIt() throws IOException {
    Path out = tmp.resolve("new/out");
    FileCommitProtocol protocol = new FileCommitProtocol(out.toString(), "j4", ExistingOutput.APPEND, Set.of());
    protocol.setupJob();
    write(protocol.newTaskTempFile(0, 0, "part-0"), "x");
    protocol.abortJob();
    assertThat(out).doesNotExist();
  }
}

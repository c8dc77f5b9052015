package dev.ember.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskBlockManagerTest {

  @TempDir
  Path parent;

  @Test
  void everyFileHasItsDirectoryAndNamesSpreadOverSubDirectories() throws Exception {
    DiskBlockManager manager = new DiskBlockManager(parent);
    for (int i = 0; i < 200; i++) {
      File file = manager.getFile("shuffle_0_" + i + "_0.data");
      assertThat(file.getParentFile()).isDirectory();
      assertThat(file.getParentFile().toPath().getParent()).isEqualTo(manager.root());
      Files.writeString(file.toPath(), "x");
    }
    try (var dirs = Files.list(manager.root())) {
      assertThat(dirs.count()).isGreaterThan(1).isLessThanOrEqualTo(64);
    }
    // Asking again for a name of a directory already made gives the same file.
    assertThat(manager.getFile("shuffle_0_7_0.data")).hasContent("x");
    manager.stop();
    assertThat(manager.root()).doesNotExist();
  }
}

package dev.ember.bench.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataGeneratorTest {

  private static final DataSizes TINY =
      new DataSizes("tiny", 20_000, 500, 2_000, 300, 100, 20, 1_000, 0.001);

  @Test
  void generatesTheSameBytesEveryTime(@TempDir Path temp) throws Exception {
    DataLayout first = new DataLayout(temp.resolve("a"), TINY);
    DataLayout second = new DataLayout(temp.resolve("b"), TINY);
    for (DataLayout layout : List.of(first, second)) {
      DataGenerator generator = new DataGenerator(layout, message -> { });
      generator.words();
      generator.graph();
      generator.logreg();
    }

    assertThat(Files.readAllBytes(first.words())).isEqualTo(Files.readAllBytes(second.words()));
    assertThat(Files.readAllBytes(first.graph())).isEqualTo(Files.readAllBytes(second.graph()));
    assertThat(Files.readAllBytes(first.logreg())).isEqualTo(Files.readAllBytes(second.logreg()));
  }

  @Test
  void dataHasTheRequestedShape(@TempDir Path temp) throws Exception {
    DataLayout layout = new DataLayout(temp, TINY);
    DataGenerator generator = new DataGenerator(layout, message -> { });
    generator.words();
    generator.graph();
    generator.logreg();

    assertThat(Files.size(layout.words())).isGreaterThanOrEqualTo(20_000);
    List<String> edges = Files.readAllLines(layout.graph());
    assertThat(edges).hasSize(2_000).doesNotHaveDuplicates();
    Set<String> vertices = new HashSet<>();
    for (String edge : edges) {
      String[] parts = edge.split(" ");
      assertThat(parts[0]).isNotEqualTo(parts[1]);
      vertices.add(parts[0]);
      vertices.add(parts[1]);
    }
    assertThat(vertices.size()).isLessThanOrEqualTo(300);
    List<String> points = Files.readAllLines(layout.logreg());
    assertThat(points).hasSize(100);
    assertThat(points.get(0).split(" ")).hasSize(21);
    assertThat(points.get(0)).startsWith("-1 ");
  }

  @Test
  void reusesACompleteDataSetAndRedoesAnIncompleteOne(@TempDir Path temp) throws Exception {
    DataLayout layout = new DataLayout(temp, TINY);
    List<String> messages = new java.util.ArrayList<>();
    DataGenerator generator = new DataGenerator(layout, messages::add);
    generator.words();
    generator.words();
    assertThat(messages.stream().filter(m -> m.startsWith("generating"))).hasSize(1);

    Files.delete(layout.wordsDir().resolve(DataLayout.SUCCESS));
    generator.words();
    assertThat(messages.stream().filter(m -> m.startsWith("generating"))).hasSize(2);
  }

  @Test
  void fixedDecimalsAreExact() {
    StringBuilder out = new StringBuilder();
    LogRegDataGenerator.appendFixed4(out, -0.70006);
    out.append(' ');
    LogRegDataGenerator.appendFixed4(out, 12.3);
    assertThat(out.toString()).isEqualTo("-0.7001 12.3000");
  }
}

package dev.ember.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.Tuple2;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs the examples in process and checks their output against answers computed another way. */
class ExamplesTest {

  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
  private PrintStream original;

  @BeforeEach
  void captureOutput() {
    System.setProperty("spark.master", "local[2]");
    original = System.out;
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restoreOutput() {
    System.setOut(original);
    System.clearProperty("spark.master");
  }

  private String output() {
    return captured.toString(StandardCharsets.UTF_8);
  }

  @Test
  void transitiveClosureCountsTheEdgesAGraphSearchFinds() {
    TransitiveClosure.main(new String[] {"3"});
    Map<Integer, Set<Integer>> out = new HashMap<>();
    for (Tuple2<Integer, Integer> edge : TransitiveClosure.generateGraph()) {
      out.computeIfAbsent(edge._1(), k -> new HashSet<>()).add(edge._2());
    }
    long reachablePairs = 0;
    for (Integer start : out.keySet()) {
      Set<Integer> seen = new HashSet<>();
      Deque<Integer> toVisit = new ArrayDeque<>(out.get(start));
      while (!toVisit.isEmpty()) {
        Integer next = toVisit.pop();
        if (seen.add(next)) {
          toVisit.addAll(out.getOrDefault(next, Set.of()));
        }
      }
      reachablePairs += seen.size();
    }
    assertThat(output().trim()).isEqualTo("TC has " + reachablePairs + " edges.");
  }

  @Test
  void logQuerySumsBytesAndRequestsPerClientUserAndQuery() {
    LogQuery.main(new String[0]);
    assertThat(output().trim()).isEqualTo(
        "(10.10.10.10,\"FRED\",GET http://images.com/2013/Generic.jpg HTTP/1.1)\tbytes=621\tn=2");
  }

  @Test
  void piIsRoughlyPi() {
    Pi.main(new String[] {"2"});
    String line = output().trim();
    assertThat(line).startsWith("Pi is roughly ");
    assertThat(Double.parseDouble(line.substring("Pi is roughly ".length()))).isBetween(3.0, 3.3);
  }

  @Test
  void examplesAreListedInTheLauncherHelp() {
    assertThat(List.of("WordCount", "Pi", "PageRank", "TransitiveClosure", "LogQuery"))
        .allSatisfy(name -> assertThat(Class.forName("dev.ember.examples." + name)).isNotNull());
  }
}

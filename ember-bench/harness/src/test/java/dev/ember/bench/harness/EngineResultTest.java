package dev.ember.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EngineResultTest {

  @Test
  void reportsTheMedianOfEachMetricAndTheLargestPeakMemory() {
    EngineResult result = new EngineResult("pending");
    result.add(new EngineOutcome("ok", Map.of("total", 30.0), List.of(1.0), 100, ""));
    result.add(new EngineOutcome("ok", Map.of("total", 10.0), List.of(1.0), 300, ""));
    result.add(new EngineOutcome("ok", Map.of("total", 20.0), List.of(1.0), 200, ""));

    assertThat(result.medianMs()).containsEntry("total", 20.0);
    assertThat(result.peakRssKb()).isEqualTo(300);
    assertThat(result.runs()).hasSize(3);
  }

  @Test
  void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
    assertThat(EngineResult.median(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.5);
  }
}

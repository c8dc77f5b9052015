package dev.ember.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultLineTest {

  @Test
  void roundTripsThroughItsTextForm() {
    Map<String, Double> timings = new LinkedHashMap<>();
    timings.put("total", 12.5);
    timings.put("q01", 3.0);
    ResultLine line = new ResultLine(ResultLine.OK, timings, List.of(1.0, -2.5e-7), 4096);

    ResultLine parsed = ResultLine.parse(line.format()).orElseThrow();

    assertThat(parsed).isEqualTo(line);
    assertThat(parsed.timingsMs().keySet()).containsExactly("total", "q01");
  }

  @Test
  void ignoresOtherOutput() {
    assertThat(ResultLine.parse("INFO SparkContext: Running Spark version 4.0.4")).isEmpty();
  }

  @Test
  void notYetCarriesNoTimings() {
    ResultLine parsed = ResultLine.parse(ResultLine.notYet().format()).orElseThrow();

    assertThat(parsed.status()).isEqualTo(ResultLine.NOT_YET);
    assertThat(parsed.timingsMs()).isEmpty();
  }
}

package dev.ember.rdd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.ember.EmberConf;
import dev.ember.EmberContext;
import dev.ember.Tuple2;
import dev.ember.util.StatCounter;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DoubleRDDTest {

  private EmberContext sc;

  @BeforeEach
  void start() {
    sc = new EmberContext(new EmberConf(false).setMaster("local[2]").setAppName("DoubleRDDTest"));
  }

  @AfterEach
  void stop() {
    sc.stop();
  }

  private DoubleRDD doubles(List<Double> values, int partitions) {
    return DoubleRDD.fromRDD(sc.parallelize(values, partitions));
  }

  @Test
  void summaryStatistics() {
    DoubleRDD rdd = doubles(List.of(2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0), 3);
    // mean 5, squared deviations 9+1+1+1+0+0+4+16 = 32
    assertThat(rdd.sum()).isEqualTo(40.0);
    assertThat(rdd.mean()).isEqualTo(5.0);
    assertThat(rdd.variance()).isEqualTo(4.0);
    assertThat(rdd.stdev()).isEqualTo(2.0);
    assertThat(rdd.sampleVariance()).isCloseTo(32.0 / 7, within(1e-12));
    assertThat(rdd.sampleStdev()).isCloseTo(Math.sqrt(32.0 / 7), within(1e-12));
    assertThat(rdd.min()).isEqualTo(2.0);
    assertThat(rdd.max()).isEqualTo(9.0);
    StatCounter stats = rdd.stats();
    assertThat(stats.count()).isEqualTo(8);
    assertThat(stats.m2()).isCloseTo(32.0, within(1e-12));
    assertThat(rdd.cache().count()).isEqualTo(8);
  }

  @Test
  void emptyRddStatistics() {
    DoubleRDD empty = doubles(List.of(), 2);
    assertThat(empty.sum()).isZero();
    assertThat(empty.mean()).isNaN();
    assertThat(empty.stats().count()).isZero();
    assertThatThrownBy(empty::max).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void evenHistogramClosesTheLastBucket() {
    DoubleRDD rdd = doubles(List.of(0.0, 1.0, 2.5, 5.0, 7.5, 9.0, 10.0), 2);
    Tuple2<double[], long[]> histogram = rdd.histogram(4);
    assertThat(histogram._1()).containsExactly(0.0, 2.5, 5.0, 7.5, 10.0);
    // [0, 2.5): 0, 1; [2.5, 5): 2.5; [5, 7.5): 5; [7.5, 10]: 7.5, 9, 10
    assertThat(histogram._2()).containsExactly(2, 1, 1, 3);
    Tuple2<double[], long[]> single = doubles(List.of(3.0, 3.0), 1).histogram(5);
    assertThat(single._1()).containsExactly(3.0, 3.0);
    assertThat(single._2()).containsExactly(2);
    assertThatThrownBy(() -> doubles(List.of(1.0, Double.POSITIVE_INFINITY), 1).histogram(2))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void histogramWithGivenBuckets() {
    DoubleRDD rdd = doubles(List.of(-1.0, 0.0, 1.0, 5.0, 10.0, 10.0, 11.0, Double.NaN), 3);
    // [0, 1): 0; [1, 10]: 1, 5, 10, 10; -1, 11 and NaN are outside
    assertThat(rdd.histogram(new double[] {0, 1, 10})).containsExactly(1, 4);
    assertThat(rdd.histogram(new double[] {0, 5, 10}, true)).containsExactly(2, 3);
    assertThatThrownBy(() -> rdd.histogram(new double[] {1})).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> rdd.histogram(new double[] {2, 1})).isInstanceOf(IllegalArgumentException.class);
  }
}

package dev.ember.shuffle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.EmberConf;
import dev.ember.EmberContext;
import dev.ember.EmberException;
import dev.ember.Tuple2;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The shuffle gives the same answers with every codec and serializer setting. */
class ShuffleCompressionTest {

  private static Map<String, Integer> wordCount(EmberConf conf) {
    try (EmberContext sc = new EmberContext(conf.setMaster("local[2]").setAppName("ShuffleCompressionTest"))) {
      return sc.parallelize(List.of("a b c", "b c", "c", "d d d d"), 2)
          .flatMap(line -> Arrays.asList(line.split(" ")).iterator())
          .mapToPair(w -> new Tuple2<>(w, 1))
          .reduceByKey(Integer::sum, 3)
          .collectAsMap();
    }
  }

  @ParameterizedTest
  @CsvSource({
      "lz4, true, kryo",
      "zstd, true, kryo",
      "lz4, false, kryo",
      "lz4, true, org.apache.spark.serializer.JavaSerializer",
      "org.apache.spark.io.ZStdCompressionCodec, true, java"})
  void wordCountIsTheSameWithEverySetting(String codec, boolean compress, String serializer) {
    EmberConf conf = new EmberConf(false)
        .set("spark.io.compression.codec", codec)
        .set("spark.shuffle.compress", String.valueOf(compress))
        .set("spark.serializer", serializer);
    assertThat(wordCount(conf)).isEqualTo(Map.of("a", 1, "b", 2, "c", 3, "d", 4));
  }

  @Test
  void unsupportedCodecFailsTheJobNamingTheSetting() {
    EmberConf conf = new EmberConf(false).set("spark.io.compression.codec", "snappy")
        .set("spark.task.maxFailures", "1");
    assertThatThrownBy(() -> wordCount(conf))
        .isInstanceOf(EmberException.class)
        .hasMessageContaining("UNSUPPORTED_COMPRESSION_CODEC")
        .hasMessageContaining("snappy");
  }
}

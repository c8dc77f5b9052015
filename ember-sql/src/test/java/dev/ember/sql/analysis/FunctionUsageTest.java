package dev.ember.sql.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.sql.EmberSession;
import dev.ember.sql.Row;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every built-in function has a usage line for DESCRIBE FUNCTION, and every example query runs. */
class FunctionUsageTest {

  @Test
  void everyBuiltinFunctionHasAUsageLineStartingWithItsName() {
    List<String> missing = new ArrayList<>();
    for (String name : BuiltinFunctions.names()) {
      String usage = FunctionUsage.usage(name).orElse(null);
      if (usage == null || !usage.startsWith(name + "(") && !usage.startsWith(name + " ")) {
        missing.add(name);
      }
    }
    assertThat(missing).as("built-in functions without a usage line naming them").isEmpty();
  }

  @Test
  void theUsageAndExampleFilesNameOnlyBuiltinFunctions() throws IOException {
    assertThat(BuiltinFunctions.names()).containsAll(keys("function-usage.properties"))
        .containsAll(keys("function-examples.properties"));
  }

  @Test
  void everyExampleReturnsOneRowCallingItsFunction() throws IOException {
    EmberSession session = EmberSession.builder().master("local[1]").appName("FunctionUsageTest")
        .config("spark.sql.shuffle.partitions", "1").getOrCreate();
    try {
      for (String name : keys("function-examples.properties")) {
        String example = FunctionUsage.example(name).orElseThrow();
        assertThat(example).as(name).containsIgnoringCase(name + "(");
        List<Row> rows = session.sql(example).collectAsList();
        assertThat(rows).as(example).hasSize(1);
      }
    } finally {
      session.stop();
    }
  }

  @Test
  void aNameWithoutUsageHasNone() {
    assertThat(FunctionUsage.usage("no_such_function")).isEmpty();
    assertThat(FunctionUsage.usage("ABS")).hasValueSatisfying(u -> assertThat(u).startsWith("abs(expr) - "));
  }

  private static List<String> keys(String resource) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = FunctionUsage.class.getResourceAsStream(resource)) {
      properties.load(in);
    }
    return properties.stringPropertyNames().stream().sorted().toList();
  }
}

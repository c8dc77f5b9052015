package dev.ember.sql;

import static dev.ember.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.StructType;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Joins and set operations through the Dataset API, with hand-computed results. */
class DataFrameJoinTest {

  private static EmberSession session;
  private static Dataset<Row> emp;
  private static Dataset<Row> dept;

  @BeforeAll
  static void start() {
    session = EmberSession.builder().master("local[2]").appName("DataFrameJoinTest")
        .config("spark.sql.shuffle.partitions", "3").getOrCreate();
    emp = session.createDataFrame(List.of(
        RowFactory.create("ann", 1, 100),
        RowFactory.create("bob", 1, 80),
        RowFactory.create("cat", 2, 70),
        RowFactory.create("dan", null, 60)),
        new StructType().add("name", DataTypes.StringType).add("dept_id", DataTypes.IntegerType)
            .add("salary", DataTypes.IntegerType));
    dept = session.createDataFrame(List.of(
        RowFactory.create(1, "eng"),
        RowFactory.create(3, "ops"),
        RowFactory.create(null, "none")),
        new StructType().add("dept_id", DataTypes.IntegerType).add("title", DataTypes.StringType));
  }

  @AfterAll
  static void stop() {
    session.stop();
  }

  private static List<String> sorted(Dataset<Row> df) {
    return df.collectAsList().stream().map(Row::toString).sorted().toList();
  }

  @Test
  void joinOnColumnsOfEachSide() {
    Dataset<Row> joined = emp.join(dept, emp.col("dept_id").equalTo(dept.col("dept_id")))
        .select(col("name"), col("title"));
    assertThat(sorted(joined)).containsExactly("[ann,eng]", "[bob,eng]");
  }

  @Test
  void everyJoinTypeString() {
    Column on = emp.col("dept_id").equalTo(dept.col("dept_id"));
    assertThat(emp.join(dept, on, "left").count()).isEqualTo(4);
    assertThat(emp.join(dept, on, "left_outer").count()).isEqualTo(4);
    assertThat(emp.join(dept, on, "right").count()).isEqualTo(4);
    assertThat(emp.join(dept, on, "rightouter").count()).isEqualTo(4);
    assertThat(emp.join(dept, on, "full").count()).isEqualTo(6);
    assertThat(emp.join(dept, on, "outer").count()).isEqualTo(6);
    assertThat(emp.join(dept, on, "FULL_OUTER").count()).isEqualTo(6);
    assertThat(sorted(emp.join(dept, on, "semi").select("name"))).containsExactly("[ann]", "[bob]");
    assertThat(sorted(emp.join(dept, on, "leftsemi").select("name"))).containsExactly("[ann]", "[bob]");
    assertThat(sorted(emp.join(dept, on, "anti").select("name"))).containsExactly("[cat]", "[dan]");
    assertThat(sorted(emp.join(dept, on, "left_anti").select("name"))).containsExactly("[cat]", "[dan]");
    assertThat(emp.join(dept, on, "semi").columns()).containsExactly("name", "dept_id", "salary");
    assertThat(emp.crossJoin(dept).count()).isEqualTo(12);
    assertThat(emp.join(dept).count()).isEqualTo(12);
  }

  @Test
  void outerJoinSidesBecomeNullable() {
    Column on = emp.col("dept_id").equalTo(dept.col("dept_id"));
    StructType schema = emp.join(dept, on, "left").schema();
    assertThat(schema.fields()[0].nullable()).isTrue();
    assertThat(schema.fields()[4].nullable()).isTrue();
    assertThat(sorted(emp.join(dept, on, "right").select(col("name"), col("title"))))
        .containsExactly("[ann,eng]", "[bob,eng]", "[null,none]", "[null,ops]");
  }

  @Test
  void usingColumnsAppearOnce() {
    Dataset<Row> joined = emp.join(dept, "dept_id");
    assertThat(joined.columns()).containsExactly("dept_id", "name", "salary", "title");
    assertThat(sorted(joined)).containsExactly("[1,ann,100,eng]", "[1,bob,80,eng]");
    Dataset<Row> full = emp.join(dept, List.of("dept_id"), "full");
    assertThat(sorted(full.select("dept_id", "name"))).containsExactly("[1,ann]", "[1,bob]", "[2,cat]",
        "[3,null]", "[null,dan]", "[null,null]");
  }

  @Test
  void aliasesQualifyColumnsOfASelfJoin() {
    Dataset<Row> pairs = emp.as("a").join(emp.alias("b"), col("a.dept_id").equalTo(col("b.dept_id"))
        .and(col("a.name").lt(col("b.name")))).select(col("a.name"), col("b.name"));
    assertThat(sorted(pairs)).containsExactly("[ann,bob]");
  }

  @Test
  void ambiguousColumnIsAnError() {
    assertThatThrownBy(() -> emp.join(dept, emp.col("dept_id").equalTo(dept.col("dept_id")))
        .select(col("dept_id")))
        .isInstanceOfSatisfying(AnalysisException.class, e -> {
          assertThat(e.getCondition()).isEqualTo("AMBIGUOUS_REFERENCE");
          assertThat(e.getMessage()).contains("`dept_id`");
        });
  }

  @Test
  void unknownJoinTypeIsAnError() {
    assertThatThrownBy(() -> emp.join(dept, "dept_id", "sideways"))
        .isInstanceOfSatisfying(AnalysisException.class, e -> {
          assertThat(e.getCondition()).isEqualTo("UNSUPPORTED_JOIN_TYPE");
          assertThat(e.getMessage()).contains("'sideways'").contains("left_anti");
        });
  }

  @Test
  void unionIntersectExcept() {
    Dataset<Row> ids = emp.select("dept_id");
    Dataset<Row> other = dept.select("dept_id");
    assertThat(sorted(ids.union(other))).containsExactly("[1]", "[1]", "[1]", "[2]", "[3]", "[null]", "[null]");
    assertThat(ids.unionAll(other).count()).isEqualTo(7);
    assertThat(sorted(ids.intersect(other))).containsExactly("[1]", "[null]");
    assertThat(sorted(ids.except(other))).containsExactly("[2]");
    // emp ids: 1, 1, 2, null; dept ids: 1, 3, null.
    assertThat(sorted(ids.intersectAll(other))).containsExactly("[1]", "[null]");
    assertThat(sorted(ids.exceptAll(other))).containsExactly("[1]", "[2]");
  }

  @Test
  void unionByNameMatchesNames() {
    Dataset<Row> swapped = dept.select("title", "dept_id");
    Dataset<Row> byName = dept.unionByName(swapped);
    assertThat(byName.columns()).containsExactly("dept_id", "title");
    assertThat(byName.filter(col("dept_id").equalTo(3)).count()).isEqualTo(2);
    Dataset<Row> missing = emp.select("name", "dept_id").unionByName(dept, true);
    assertThat(missing.columns()).containsExactly("name", "dept_id", "title");
    assertThat(sorted(missing.filter(col("dept_id").equalTo(3)))).containsExactly("[null,3,ops]");
    assertThatThrownBy(() -> emp.unionByName(dept))
        .isInstanceOfSatisfying(AnalysisException.class,
            e -> assertThat(e.getCondition()).isEqualTo("NUM_COLUMNS_MISMATCH"));
    assertThatThrownBy(() -> emp.select("name", "salary").unionByName(dept))
        .isInstanceOfSatisfying(AnalysisException.class,
            e -> assertThat(e.getCondition()).isEqualTo("UNRESOLVED_COLUMN.WITH_SUGGESTION"));
  }

  @Test
  void unionWidensTypesAndChecksColumnCount() {
    Dataset<Row> longs = session.sql("SELECT 5L AS x");
    Dataset<Row> widened = emp.select("salary").union(longs);
    assertThat(widened.schema().fields()[0].dataType()).isEqualTo(DataTypes.LongType);
    assertThat(widened.count()).isEqualTo(5);
    assertThatThrownBy(() -> emp.union(dept))
        .isInstanceOfSatisfying(AnalysisException.class, e -> {
          assertThat(e.getCondition()).isEqualTo("NUM_COLUMNS_MISMATCH");
          assertThat(e.getMessage()).contains("UNION can only be performed on inputs with the same number of "
              + "columns, but the first input has 3 columns and the second input has 2 columns");
        });
  }
}

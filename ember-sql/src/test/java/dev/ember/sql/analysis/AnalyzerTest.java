package dev.ember.sql.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.sql.AnalysisException;
import dev.ember.sql.parser.SqlParser;
import dev.ember.sql.plan.LocalRelation;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.Project;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.types.DataTypes;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnalyzerTest {

  private final SessionCatalog catalog = new SessionCatalog();
  private final Analyzer analyzer = new Analyzer(catalog);
  private final AttributeReference a = AttributeReference.create("a", DataTypes.IntegerType, true);
  private final AttributeReference abc = AttributeReference.create("abc", DataTypes.LongType, true);
  private final AttributeReference name = AttributeReference.create("Name", DataTypes.StringType, true);

  AnalyzerTest() {
    catalog.createTempView("t", new LocalRelation(List.of(a, abc, name), List.of()), false);
  }

  private LogicalPlan analyze(String sql) {
    return analyzer.analyze(new SqlParser().parsePlan(sql));
  }

  @Test
  void namesResolveCaseInsensitivelyAndQualified() {
    Project project = (Project) analyze("SELECT NAME, t.A FROM T");
    assertThat(project.output()).containsExactly(name, a);
  }

  @Test
  void arithmeticWidensToTheWiderOperandAndNamesTheColumnLikeSpark() {
    Project project = (Project) analyze("SELECT a + abc, a / 2, a + '1' FROM t");
    assertThat(project.output().get(0).dataType()).isEqualTo(DataTypes.LongType);
    assertThat(project.output().get(0).name()).isEqualTo("(a + abc)");
    assertThat(project.projectList().get(0).sql()).isEqualTo("(CAST(a AS BIGINT) + abc) AS `(a + abc)`");
    assertThat(project.output().get(1).dataType()).isEqualTo(DataTypes.DoubleType);
    assertThat(project.output().get(2).dataType()).isEqualTo(DataTypes.DoubleType);
  }

  @Test
  void unresolvedColumnListsTheClosestNamesFirst() {
    assertThatThrownBy(() -> analyze("SELECT ab FROM t"))
        .isInstanceOfSatisfying(AnalysisException.class, e -> {
          assertThat(e.getCondition()).isEqualTo("UNRESOLVED_COLUMN.WITH_SUGGESTION");
          assertThat(e.getMessage()).isEqualTo("[UNRESOLVED_COLUMN.WITH_SUGGESTION] A column, variable, or "
              + "function parameter with name `ab` cannot be resolved. Did you mean one of the following? "
              + "[`a`, `abc`, `Name`]. SQLSTATE: 42703; line 1 pos 7");
        });
  }

  @Test
  void unknownTableAndFunctionCarryPositions() {
    assertThatThrownBy(() -> analyze("SELECT 1 FROM nope")).isInstanceOfSatisfying(AnalysisException.class,
        e -> assertThat(e.getMessage()).startsWith("[TABLE_OR_VIEW_NOT_FOUND] The table or view `nope` cannot "
            + "be found.").endsWith("SQLSTATE: 42P01; line 1 pos 14"));
    assertThatThrownBy(() -> analyze("SELECT  bogus(a) FROM t")).isInstanceOfSatisfying(AnalysisException.class,
        e -> assertThat(e.getMessage()).isEqualTo("[UNRESOLVED_ROUTINE] Cannot resolve routine `bogus` on search "
            + "path [`system`.`builtin`, `system`.`session`, `spark_catalog`.`default`]. SQLSTATE: 42883; "
            + "line 1 pos 8"));
  }

  @Test
  void nonGroupedColumnIsMissingAggregation() {
    assertThatThrownBy(() -> analyze("SELECT a, count(*) FROM t GROUP BY abc"))
        .isInstanceOfSatisfying(AnalysisException.class, e -> assertThat(e.getMessageParameters())
            .containsEntry("expression", "\"a\"").containsEntry("expressionAnyValue", "\"any_value(a)\""));
  }

  @Test
  void levenshteinDistance() {
    assertThat(NameSuggestions.levenshtein("kitten", "sitting")).isEqualTo(3);
    assertThat(NameSuggestions.rank("ab", List.of("xyz", "abc", "a", "b"))).containsExactly("abc", "a", "b", "xyz");
  }
}

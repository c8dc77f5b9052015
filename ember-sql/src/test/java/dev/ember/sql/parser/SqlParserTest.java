package dev.ember.sql.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.sql.AnalysisException;
import dev.ember.sql.plan.Filter;
import dev.ember.sql.plan.Limit;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.Project;
import dev.ember.sql.plan.Sort;
import dev.ember.sql.plan.UnresolvedRelation;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.Literal;
import dev.ember.sql.types.DataTypes;
import org.junit.jupiter.api.Test;

class SqlParserTest {

  private final SqlParser parser = new SqlParser();

  @Test
  void multiplicationBindsTighterThanAdditionAndComparison() {
    Expression e = parser.parseExpression("1 + 2 * 3 > 4 AND NOT a OR b");
    assertThat(e.sql()).isEqualTo("((((1 + (2 * 3)) > 4) AND (NOT a)) OR b)");
  }

  @Test
  void betweenBecomesTwoComparisonsAndNotWrapsPredicates() {
    assertThat(parser.parseExpression("x NOT BETWEEN 1 AND 3").sql()).isEqualTo("(NOT ((x >= 1) AND (x <= 3)))");
    assertThat(parser.parseExpression("x NOT IN (1, 2)").sql()).isEqualTo("(NOT (x IN (1, 2)))");
    assertThat(parser.parseExpression("x IS NOT NULL").sql()).isEqualTo("(x IS NOT NULL)");
  }

  @Test
  void literalsAreTypedAsInSpark() {
    assertThat(parser.parseExpression("2147483647")).isEqualTo(Literal.of(2147483647));
    assertThat(parser.parseExpression("2147483648")).isEqualTo(Literal.of(2147483648L));
    assertThat(parser.parseExpression("-2147483648")).isEqualTo(Literal.of(-2147483648));
    assertThat(parser.parseExpression("7L")).isEqualTo(Literal.of(7L));
    assertThat(parser.parseExpression("1.5").dataType()).isEqualTo(DataTypes.createDecimalType(2, 1));
    assertThat(parser.parseExpression("1.5e0").dataType()).isEqualTo(DataTypes.DoubleType);
    assertThat(parser.parseExpression("1.5D").dataType()).isEqualTo(DataTypes.DoubleType);
    assertThat(parser.parseExpression("1.5F").dataType()).isEqualTo(DataTypes.FloatType);
    assertThat(parser.parseExpression("1.50BD").dataType()).isEqualTo(DataTypes.createDecimalType(3, 2));
    assertThat(parser.parseExpression("10S").dataType()).isEqualTo(DataTypes.ShortType);
    assertThat(parser.parseExpression("10Y").dataType()).isEqualTo(DataTypes.ByteType);
    assertThat(parser.parseExpression("12345678901234567890").dataType())
        .isEqualTo(DataTypes.createDecimalType(20, 0));
    assertThat(parser.parseExpression("INTERVAL '90' DAY"))
        .isEqualTo(new Literal(90L * 86_400_000_000L, DataTypes.DayTimeIntervalType));
    assertThat(parser.parseExpression("INTERVAL 3 DAYS"))
        .isEqualTo(new Literal(3L * 86_400_000_000L, DataTypes.DayTimeIntervalType));
    assertThat(parser.parseExpression("INTERVAL '1' YEAR")).isEqualTo(new Literal(12, DataTypes.YearMonthIntervalType));
    assertThat(parser.parseExpression("INTERVAL '1-2' YEAR TO MONTH"))
        .isEqualTo(new Literal(14, DataTypes.YearMonthIntervalType));
    assertThat(parser.parseExpression("DATE '1970-01-02'")).isEqualTo(new Literal(1, DataTypes.DateType));
    assertThat(parser.parseExpression("'a''b'")).isEqualTo(Literal.of("a'b"));
  }

  @Test
  void keywordsAreCaseInsensitiveAndClausesNestInSqlOrder() {
    LogicalPlan plan = parser.parsePlan("select a from T where a > 1 order by a desc limit 3");
    Limit limit = (Limit) plan;
    Sort sort = (Sort) limit.child();
    assertThat(sort.order().get(0).ascending()).isFalse();
    assertThat(sort.order().get(0).nullsFirst()).isFalse();
    Project project = (Project) sort.child();
    Filter filter = (Filter) project.child();
    assertThat(((UnresolvedRelation) filter.child()).nameParts()).containsExactly("T");
  }

  @Test
  void syntaxErrorsPointAtTheOffendingTokenWithACaret() {
    assertThatThrownBy(() -> parser.parsePlan("SELECT a,\nFROM t"))
        .isInstanceOfSatisfying(AnalysisException.class, e -> {
          assertThat(e.getCondition()).isEqualTo("PARSE_SYNTAX_ERROR");
          assertThat(e.getSqlState()).isEqualTo("42601");
          assertThat(e.line()).hasValue(2);
          assertThat(e.startPosition()).hasValue(0);
          assertThat(e.getMessage()).isEqualTo("[PARSE_SYNTAX_ERROR] Syntax error at or near 'FROM'. "
              + "SQLSTATE: 42601; line 2 pos 0\n\n== SQL ==\nSELECT a,\nFROM t\n^^^\n");
        });
  }

  @Test
  void endOfInputIsNamedInTheError() {
    assertThatThrownBy(() -> parser.parsePlan("SELECT 1 +"))
        .hasMessageContaining("Syntax error at or near end of input");
  }

  @Test
  void malformedAlterIsASyntaxErrorAtTheOffendingToken() {
    assertThatThrownBy(() -> parser.parsePlan("ALTER TABLE foo bar baz"))
        .isInstanceOfSatisfying(AnalysisException.class, e -> {
          assertThat(e.getCondition()).isEqualTo("PARSE_SYNTAX_ERROR");
          assertThat(e.line()).hasValue(1);
          assertThat(e.startPosition()).hasValue(16);
          assertThat(e.getMessage()).startsWith("[PARSE_SYNTAX_ERROR] Syntax error at or near 'bar'");
        });
    assertThatThrownBy(() -> parser.parsePlan("ALTER VIEW v"))
        .hasMessageContaining("Syntax error at or near end of input");
  }

  @Test
  void wellFormedAlterFormsNotBuiltNameTheFeature() {
    assertThatThrownBy(() -> parser.parsePlan("ALTER TABLE t SET LOCATION '/x'"))
        .isInstanceOfSatisfying(AnalysisException.class, e -> {
          assertThat(e.getCondition()).isEqualTo("UNSUPPORTED_FEATURE");
          assertThat(e.startPosition()).hasValue(14);
          assertThat(e.getMessage()).startsWith("[UNSUPPORTED_FEATURE] The feature is not supported: "
              + "ALTER TABLE ... SET LOCATION.");
        });
    assertThatThrownBy(() -> parser.parsePlan("ALTER TABLE t ALTER COLUMN c TYPE BIGINT"))
        .hasMessageContaining("ALTER TABLE ... ALTER COLUMN ... TYPE.");
    assertThatThrownBy(() -> parser.parsePlan("ALTER TABLE t PARTITION (d = 1) SET SERDE 's'"))
        .hasMessageContaining("ALTER TABLE ... PARTITION ... SET SERDE.");
    assertThatThrownBy(() -> parser.parsePlan("ALTER VIEW v RENAME TO w"))
        .hasMessageContaining("ALTER VIEW ... RENAME TO.");
  }
}

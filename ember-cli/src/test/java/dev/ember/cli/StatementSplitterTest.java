package dev.ember.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StatementSplitterTest {

  @Test
  void splitsAtSemicolonsAndKeepsTheUnfinishedRest() {
    StatementSplitter.Split split = StatementSplitter.split("SELECT 1;\nSELECT 2 ;  SELECT\n 3");
    assertThat(split.statements()).containsExactly("SELECT 1", "SELECT 2");
    assertThat(split.remainder()).isEqualTo("  SELECT\n 3");
    assertThat(split.hasIncompleteStatement()).isTrue();
    assertThat(split.allStatements()).containsExactly("SELECT 1", "SELECT 2", "SELECT\n 3");
  }

  @Test
  void semicolonsInsideStringsAndQuotedIdentifiersDoNotSplit() {
    StatementSplitter.Split split = StatementSplitter.split(
        "SELECT 'a;b', \"c;d\", `e;f` FROM t; SELECT 'it''s;', 'x\\';y';");
    assertThat(split.statements()).containsExactly("SELECT 'a;b', \"c;d\", `e;f` FROM t",
        "SELECT 'it''s;', 'x\\';y'");
    assertThat(split.hasIncompleteStatement()).isFalse();
  }

  @Test
  void semicolonsInsideCommentsDoNotSplit() {
    StatementSplitter.Split split = StatementSplitter.split(
        "-- a comment; still a comment\nSELECT 1 /* not; here */ + 1;\n/* ; */ SELECT 2; -- trailing;");
    assertThat(split.statements()).containsExactly(
        "-- a comment; still a comment\nSELECT 1 /* not; here */ + 1", "/* ; */ SELECT 2");
    assertThat(split.hasIncompleteStatement()).isFalse();
    assertThat(split.allStatements()).hasSize(2);
  }

  @Test
  void emptyStatementsAndCommentOnlyStatementsAreDropped() {
    StatementSplitter.Split split = StatementSplitter.split(";;  ; -- only a comment\n; SELECT 1;;");
    assertThat(split.statements()).containsExactly("SELECT 1");
  }

  @Test
  void anUnterminatedStringKeepsTheStatementOpen() {
    StatementSplitter.Split split = StatementSplitter.split("SELECT 'abc;\n");
    assertThat(split.statements()).isEmpty();
    assertThat(split.hasIncompleteStatement()).isTrue();
    assertThat(StatementSplitter.split("SELECT 'abc;\ndef';").statements()).containsExactly("SELECT 'abc;\ndef'");
  }

  @Test
  void blankTextHasNoStatement() {
    assertThat(StatementSplitter.isBlank("  \n -- x\n /* y */ ")).isTrue();
    assertThat(StatementSplitter.isBlank("/* unterminated")).isTrue();
    assertThat(StatementSplitter.isBlank(" x ")).isFalse();
    assertThat(StatementSplitter.split("").allStatements()).isEmpty();
  }
}

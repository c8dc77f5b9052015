package dev.ember.sql.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.sql.parser.SqlParser;
import dev.ember.sql.plan.Filter;
import dev.ember.sql.plan.Join;
import dev.ember.sql.plan.LeafNode;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.Project;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.BinaryComparison;
import dev.ember.sql.plan.expressions.Exists;
import dev.ember.sql.plan.expressions.OuterReference;
import dev.ember.sql.types.DataTypes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A relation read twice in one query gets distinct column identities on each read, whatever its kind. */
class DeduplicateRelationsTest {

  /** A relation of a kind the analyzer does not know, as a data source scan would be. */
  private record Scan(List<AttributeReference> output) implements LeafNode {
    @Override
    public String simpleString() {
      return "Scan";
    }
  }

  private final SessionCatalog catalog = new SessionCatalog();

  DeduplicateRelationsTest() {
    catalog.createTempView("t", new Scan(List.of(AttributeReference.create("x", DataTypes.IntegerType, true),
        AttributeReference.create("y", DataTypes.StringType, true))), false);
  }

  private Join join(String sql) {
    List<Join> joins = new ArrayList<>();
    new Analyzer(catalog).analyze(new SqlParser().parsePlan(sql)).transformUp(node -> {
      if (node instanceof Join j) {
        joins.add(j);
      }
      return node;
    });
    return joins.get(0);
  }

  private static Set<Long> ids(LogicalPlan plan) {
    Set<Long> ids = new HashSet<>();
    plan.output().forEach(a -> ids.add(a.exprId()));
    return ids;
  }

  @Test
  void selfJoinOfAnUnknownRelationReadsItThroughARenamingProjection() {
    Join join = join("SELECT * FROM t a JOIN t b ON a.x = b.x");
    Set<Long> left = ids(join.left());
    Set<Long> right = ids(join.right());
    assertThat(left).doesNotContainAnyElementsOf(right);
    Set<Long> referenced = new HashSet<>();
    join.condition().references().forEach(a -> referenced.add(a.exprId()));
    assertThat(referenced).hasSize(2).containsAnyElementsOf(left).containsAnyElementsOf(right);
  }

  @Test
  void correlatedSubqueryOverTheSameRelationKeepsItsOuterReference() {
    LogicalPlan plan = new Analyzer(catalog).analyze(new SqlParser().parsePlan(
        "SELECT * FROM t o WHERE EXISTS (SELECT * FROM t i WHERE i.x = o.x)"));
    Filter filter = (Filter) ((Project) plan).child();
    Exists exists = (Exists) filter.condition();
    BinaryComparison correlation = (BinaryComparison) ((Filter) ((Project) exists.plan()).child()).condition();
    AttributeReference inner = (AttributeReference) correlation.left();
    OuterReference outer = (OuterReference) correlation.right();
    // The subquery's own column is renamed; its outer reference still names the outer query's column.
    assertThat(ids(filter.child())).contains(outer.attribute().exprId()).doesNotContain(inner.exprId());
    assertThat(ids(exists.plan())).doesNotContainAnyElementsOf(ids(filter.child()));
  }
}

package dev.ember.sql.plan;

import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Expression;
import java.util.List;

/**
 * A source read that can take filters and a narrower column list from the query above it (a file scan, a
 * JDBC read): what the optimizer's {@code PushDownIntoScans} rule pushes into.
 */
public interface PushableScan extends LeafNode {

  /** The filters pushed so far (conjuncts over this scan's columns). */
  List<Expression> pushedFilters();

  /** This scan with {@code filters} pushed. */
  PushableScan withPushedFilters(List<Expression> filters);

  /** This scan producing only {@code columns}, a subset of its output in the same order. */
  PushableScan withOutput(List<AttributeReference> columns);
}

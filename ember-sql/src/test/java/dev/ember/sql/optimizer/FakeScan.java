package dev.ember.sql.optimizer;

import dev.ember.sql.plan.PushableScan;
import dev.ember.sql.plan.SizedRelation;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Expression;
import java.util.List;

/** A file scan of a given size that takes pushed filters, for rules that look for scans. */
record FakeScan(String name, List<AttributeReference> output, long sizeInBytes, List<Expression> pushedFilters)
    implements PushableScan, SizedRelation {

  @Override
  public PushableScan withPushedFilters(List<Expression> filters) {
    return new FakeScan(name, output, sizeInBytes, filters);
  }

  @Override
  public PushableScan withOutput(List<AttributeReference> columns) {
    return new FakeScan(name, columns, sizeInBytes, pushedFilters);
  }

  @Override
  public String simpleString() {
    return "FakeScan " + name;
  }
}

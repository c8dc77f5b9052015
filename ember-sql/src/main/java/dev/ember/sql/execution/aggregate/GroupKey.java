package dev.ember.sql.execution.aggregate;

/**
 * The grouping values of a row, equal by content (binary values by their bytes); NULLs are equal to each other
 * and -0.0 equals 0.0.
 */
final class GroupKey {

  private final Object[] values;
  private final int hash;

  GroupKey(Object[] values) {
    for (int i = 0; i < values.length; i++) {
      if (values[i] instanceof Double d && d == 0.0) {
        values[i] = 0.0;
      }
    }
    this.values = values;
    this.hash = dev.ember.sql.execution.expressions.ValueKeys.hash(values);
  }

  Object[] values() {
    return values;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof GroupKey that && hash == that.hash
        && dev.ember.sql.execution.expressions.ValueKeys.equal(values, that.values);
  }

  @Override
  public int hashCode() {
    return hash;
  }
}

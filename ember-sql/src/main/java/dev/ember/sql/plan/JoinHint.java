package dev.ember.sql.plan;

/**
 * The strategy hints of a join's two sides, as Spark's {@code JoinHint}: moved onto the join from the
 * {@link ResolvedHint}s over its inputs, so rules rewriting the inputs cannot lose or misplace them.
 *
 * @param left the left side's strategy, or null for none
 * @param right the right side's strategy, or null for none
 */
public record JoinHint(JoinStrategyHint left, JoinStrategyHint right) {

  /** No hint on either side. */
  public static final JoinHint NONE = new JoinHint(null, null);

  /** Whether neither side carries a hint. */
  public boolean isEmpty() {
    return left == null && right == null;
  }

  /** Whether either side asks for {@code strategy}. */
  public boolean either(JoinStrategyHint strategy) {
    return left == strategy || right == strategy;
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    if (left != null) {
      out.append("leftHint=(strategy=").append(left.displayName()).append(')');
    }
    if (right != null) {
      out.append(out.length() > 0 ? ", " : "").append("rightHint=(strategy=").append(right.displayName())
          .append(')');
    }
    return out.toString();
  }
}

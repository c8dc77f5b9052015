package dev.ember.sql.plan.expressions;

import dev.ember.sql.types.DataType;
import java.util.List;
import java.util.Set;

/**
 * A resolved call of a built-in scalar function ({@code upper(s)}, {@code round(x, 2)}, {@code year(d)}, ...)
 * whose arguments the analyzer has already cast to the types the function takes. The vectorized kernel is
 * found by {@code name} once per batch. Functions that read the clock or the time zone get the session's
 * settings as fields, so tasks need no session.
 *
 * @param name the function's canonical lower-case name
 * @param arguments the arguments, already coerced
 * @param dataType the result type
 * @param ansi whether invalid input is an error rather than NULL
 * @param timeZone the session time zone id (for functions that need one), or null
 */
public record ScalarFunction(String name, List<Expression> arguments, DataType dataType, boolean ansi,
    String timeZone) implements Expression {

  private static final Set<String> NONDETERMINISTIC = Set.of("rand", "randn", "spark_partition_id",
      "monotonically_increasing_id", "input_file_name", "input_file_block_start", "input_file_block_length",
      "uuid");

  /** Copies the arguments. */
  public ScalarFunction {
    arguments = List.copyOf(arguments);
  }

  /** A call without session settings. */
  public ScalarFunction(String name, List<Expression> arguments, DataType dataType) {
    this(name, arguments, dataType, false, null);
  }

  @Override
  public List<Expression> children() {
    return arguments;
  }

  @Override
  public Expression withNewChildren(List<Expression> newChildren) {
    return new ScalarFunction(name, newChildren, dataType, ansi, timeZone);
  }

  @Override
  public boolean nullable() {
    return true;
  }

  @Override
  public boolean foldable() {
    if (NONDETERMINISTIC.contains(name)) {
      return false;
    }
    for (Expression argument : arguments) {
      if (!argument.foldable()) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether {@code e} calls a function whose value depends on where or when a row is evaluated (its partition,
   * its position, its file, a random draw), so it may not be copied, moved below a filter or evaluated twice.
   */
  public static boolean containsNondeterministic(Expression e) {
    return e.exists(x -> x instanceof ScalarFunction f && NONDETERMINISTIC.contains(f.name()));
  }

  @Override
  public String sql() {
    StringBuilder sb = new StringBuilder(name).append('(');
    for (int i = 0; i < arguments.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(arguments.get(i).sql());
    }
    return sb.append(')').toString();
  }
}

package dev.ember.sql.plan.expressions;

import dev.ember.sql.api.java.UDF1;
import dev.ember.sql.api.java.UDF2;
import dev.ember.sql.api.java.UDF3;
import dev.ember.sql.types.DataType;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * A call of a user-defined Java function (Spark's ScalaUDF): evaluated row by row in the executors, with
 * arguments and result in the external representation (LocalDate for dates). Serializable with its function,
 * which travels to the executors inside the bound expression.
 *
 * @param name the name the function was registered under (for printing and errors)
 * @param function a {@link UDF1}, {@link UDF2} or {@link UDF3} of as many arguments as {@code children}
 * @param dataType the declared result type
 * @param children the arguments
 */
public record UserDefinedFunctionCall(String name, Serializable function, DataType dataType,
    List<Expression> children) implements Expression {

  /** Checks that the function takes as many arguments as given. */
  public UserDefinedFunctionCall {
    Objects.requireNonNull(function, "function is null");
    children = List.copyOf(children);
    if (arity(function) != children.size()) {
      throw new IllegalArgumentException("The function " + name + " takes " + arity(function)
          + " argument(s) but was called with " + children.size());
    }
  }

  /** The number of arguments {@code function} takes. */
  public static int arity(Serializable function) {
    if (function instanceof UDF1<?, ?>) {
      return 1;
    }
    if (function instanceof UDF2<?, ?, ?>) {
      return 2;
    }
    if (function instanceof UDF3<?, ?, ?, ?>) {
      return 3;
    }
    throw new IllegalArgumentException("Not a UDF1, UDF2 or UDF3: " + function.getClass().getName());
  }

  /** Calls the function with {@code args} (external values). */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Object invoke(Object[] args) throws Exception {
    return switch (args.length) {
      case 1 -> ((UDF1) function).call(args[0]);
      case 2 -> ((UDF2) function).call(args[0], args[1]);
      default -> ((UDF3) function).call(args[0], args[1], args[2]);
    };
  }

  @Override
  public Expression withNewChildren(List<Expression> newChildren) {
    return new UserDefinedFunctionCall(name, function, dataType, newChildren);
  }

  @Override
  public boolean nullable() {
    return true;
  }

  @Override
  public boolean foldable() {
    // Not folded at planning time: a function may have effects users expect to happen in the tasks.
    return false;
  }

  @Override
  public String sql() {
    StringBuilder sb = new StringBuilder(name).append('(');
    for (int i = 0; i < children.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(children.get(i).sql());
    }
    return sb.append(')').toString();
  }
}

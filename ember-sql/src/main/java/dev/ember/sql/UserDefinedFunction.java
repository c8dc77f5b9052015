package dev.ember.sql;

import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.UserDefinedFunctionCall;
import dev.ember.sql.types.DataType;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * A user-defined function, applied to columns as a column: {@code udf(f, IntegerType).apply(col("x"))}.
 * Built by {@link functions#udf} or returned by {@code session.udf().register(...)}.
 */
public final class UserDefinedFunction implements Serializable {

  private static final long serialVersionUID = 1L;
  private final String name;
  private final Serializable function;
  private final DataType returnType;

  UserDefinedFunction(String name, Serializable function, DataType returnType) {
    this.name = name;
    this.function = function;
    this.returnType = returnType;
    UserDefinedFunctionCall.arity(function);
  }

  /** The call of this function on {@code columns}. */
  public Column apply(Column... columns) {
    List<Expression> arguments = new ArrayList<>();
    for (Column c : columns) {
      arguments.add(c.expr());
    }
    return new Column(new UserDefinedFunctionCall(name, function, returnType, arguments));
  }

  /** This function under another name (the name shown in plans and column names). */
  public UserDefinedFunction withName(String newName) {
    return new UserDefinedFunction(newName, function, returnType);
  }

  /** The declared result type. */
  public DataType dataType() {
    return returnType;
  }

  Serializable function() {
    return function;
  }

  String name() {
    return name;
  }
}

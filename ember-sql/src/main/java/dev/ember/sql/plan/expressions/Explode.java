package dev.ember.sql.plan.expressions;

import dev.ember.sql.types.ArrayType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.MapType;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.util.ArrayList;
import java.util.List;

/**
 * A generator: {@code explode(a)} gives one row an element of array {@code a} (column {@code col}), or an
 * entry of a map (columns {@code key}, {@code value}); {@code posexplode} adds the 0-based {@code pos} first;
 * the {@code _outer} forms keep a row of NULLs for a NULL or empty input. Only a {@code Generate} node
 * evaluates it.
 *
 * @param child the array or map
 * @param position whether a {@code pos} column comes first
 * @param outer whether a NULL or empty input gives one row of NULLs rather than none
 */
public record Explode(Expression child, boolean position, boolean outer) implements Expression {

  @Override
  public List<Expression> children() {
    return List.of(child);
  }

  @Override
  public Expression withNewChildren(List<Expression> newChildren) {
    return new Explode(newChildren.get(0), position, outer);
  }

  /**
   * The type of the generated column when there is one (so that a generator misused inside an expression
   * types, and the analyzer reports it as nested), else the struct of {@link #elementSchema()}.
   */
  @Override
  public DataType dataType() {
    StructType schema = elementSchema();
    return schema.length() == 1 ? schema.apply(0).dataType() : schema;
  }

  /** The generated columns' names and types, as a struct. */
  public StructType elementSchema() {
    List<StructField> fields = new ArrayList<>();
    if (position) {
      fields.add(new StructField("pos", dev.ember.sql.types.DataTypes.IntegerType, outer));
    }
    if (child.dataType() instanceof MapType map) {
      fields.add(new StructField("key", map.keyType(), outer));
      fields.add(new StructField("value", map.valueType(), true));
    } else {
      fields.add(new StructField("col", ((ArrayType) child.dataType()).elementType(), true));
    }
    return new StructType(fields);
  }

  @Override
  public boolean nullable() {
    return true;
  }

  @Override
  public String sql() {
    return (position ? "posexplode" : "explode") + (outer ? "_outer" : "") + "(" + child.sql() + ")";
  }
}

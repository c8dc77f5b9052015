package dev.ember.sql.execution.datasources.jdbc;

import dev.ember.sql.plan.PushableScan;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.util.ArrayList;
import java.util.List;

/**
 * A read of a JDBC table or query in a logical plan (Spark's {@code JDBCRelation}). As with file scans, the
 * optimizer narrows {@code output} to the columns the query reads and records the conjuncts of the filters
 * above it in {@code pushedFilters}; those that compile to SQL go into the WHERE clause sent to the database,
 * and the filters stay above the scan too.
 *
 * @param options the connection and read options
 * @param schema the columns of the table or query
 * @param partitionClauses one WHERE clause per partition ("" for none)
 * @param fullOutput one attribute per column of {@code schema}
 * @param output the columns read, a subset of {@code fullOutput} in its order
 * @param pushedFilters conjuncts over {@code output} the scan may send to the database
 */
public record JdbcRelation(JdbcOptions options, StructType schema, List<String> partitionClauses,
    List<AttributeReference> fullOutput, List<AttributeReference> output, List<Expression> pushedFilters)
    implements PushableScan {

  /** Copies the lists. */
  public JdbcRelation {
    partitionClauses = List.copyOf(partitionClauses);
    fullOutput = List.copyOf(fullOutput);
    output = List.copyOf(output);
    pushedFilters = List.copyOf(pushedFilters);
  }

  /** A read of every column, with fresh attributes. */
  public static JdbcRelation of(JdbcOptions options, StructType schema, List<String> partitionClauses) {
    List<AttributeReference> attributes = new ArrayList<>();
    for (StructField field : schema) {
      attributes.add(AttributeReference.create(field.name(), field.dataType(), field.nullable()));
    }
    return new JdbcRelation(options, schema, partitionClauses, attributes, attributes, List.of());
  }

  /** This read producing only {@code columns}. */
  public JdbcRelation withOutput(List<AttributeReference> columns) {
    return new JdbcRelation(options, schema, partitionClauses, fullOutput, columns, pushedFilters);
  }

  /** This read with {@code filters} as its pushed conjuncts. */
  public JdbcRelation withPushedFilters(List<Expression> filters) {
    return new JdbcRelation(options, schema, partitionClauses, fullOutput, output, filters);
  }

  @Override
  public String simpleString() {
    return "Relation [" + String.join(",", output.stream().map(AttributeReference::toString).toList())
        + "] JDBCRelation(" + options.table() + ") [numPartitions=" + partitionClauses.size() + "]";
  }
}

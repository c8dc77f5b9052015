package dev.ember.sql.plan;

import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Origin;
import dev.ember.sql.types.StructType;
import java.util.List;
import java.util.Map;

/**
 * {@code CREATE TABLE [IF NOT EXISTS] name [(columns)] [USING format] [PARTITIONED BY (...)] [OPTIONS (...)]
 * [LOCATION 'path'] [AS query]}: a command the session runs, not a query.
 *
 * @param name the table name parts
 * @param schema the declared columns, or null when there is no column list
 * @param provider the format after USING, or null for {@code spark.sql.sources.default}
 * @param partitionColumns the PARTITIONED BY columns
 * @param options the OPTIONS
 * @param location the LOCATION, or null for a managed table in the warehouse
 * @param ifNotExists whether an existing table is kept silently
 * @param query the AS query (CTAS), or null
 * @param origin where the statement starts
 */
public record CreateTable(List<String> name, StructType schema, String provider, List<String> partitionColumns,
    Map<String, String> options, String location, boolean ifNotExists, LogicalPlan query, Origin origin)
    implements LeafNode {

  /** Copies the collections. */
  public CreateTable {
    name = List.copyOf(name);
    partitionColumns = List.copyOf(partitionColumns);
    options = Map.copyOf(options);
  }

  @Override
  public List<AttributeReference> output() {
    return List.of();
  }

  @Override
  public String simpleString() {
    return "CreateTable " + String.join(".", name) + (query == null ? "" : " AS SELECT");
  }
}

package dev.ember.sql.execution.datasources.jdbc;

import dev.ember.rdd.RDD;
import dev.ember.sql.execution.ExecutionContext;
import dev.ember.sql.execution.Partitioning;
import dev.ember.sql.execution.PhysicalPlan;
import dev.ember.sql.execution.datasources.FilterTranslator;
import dev.ember.sql.execution.datasources.SourceFilter;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.types.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a {@link JdbcRelation} (Spark's {@code RowDataSourceScanExec} over a {@code JDBCRelation}): one task per
 * partition clause, each sending {@code SELECT <columns> FROM <table> WHERE <pushed filters> AND (<partition
 * clause>)} to the database.
 */
public final class JdbcScanExec extends PhysicalPlan {

  private static final long serialVersionUID = 1L;
  private final JdbcRelation relation;
  private final List<SourceFilter> pushedFilters;
  private final List<String> compiledFilters;

  /** A read of {@code relation}. */
  public JdbcScanExec(JdbcRelation relation) {
    this.relation = relation;
    List<SourceFilter> pushed = new ArrayList<>();
    List<String> compiled = new ArrayList<>();
    for (SourceFilter filter : FilterTranslator.translateAll(relation.pushedFilters())) {
      Optional<String> sql = JdbcFilters.compile(filter);
      if (sql.isPresent()) {
        pushed.add(filter);
        compiled.add(sql.get());
      }
    }
    this.pushedFilters = List.copyOf(pushed);
    this.compiledFilters = List.copyOf(compiled);
  }

  /** The queries sent to the database, one per partition. */
  public List<String> queries() {
    String columns = relation.output().isEmpty() ? "1" : String.join(",", relation.output().stream()
        .map(a -> JdbcUtils.quote(a.name())).toList());
    List<String> queries = new ArrayList<>();
    for (String partition : relation.partitionClauses()) {
      List<String> conditions = new ArrayList<>();
      for (String filter : compiledFilters) {
        conditions.add("(" + filter + ")");
      }
      if (!partition.isEmpty()) {
        conditions.add("(" + partition + ")");
      }
      queries.add("SELECT " + columns + " FROM " + relation.options().table()
          + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions)));
    }
    return queries;
  }

  @Override
  public List<PhysicalPlan> children() {
    return List.of();
  }

  @Override
  public List<AttributeReference> output() {
    return relation.output();
  }

  @Override
  public Partitioning outputPartitioning() {
    int n = relation.partitionClauses().size();
    return n == 1 ? new Partitioning.Single() : new Partitioning.Unknown(n);
  }

  @Override
  public PhysicalPlan withNewChildren(List<PhysicalPlan> newChildren) {
    return this;
  }

  @Override
  public RDD<ColumnarBatch> execute(ExecutionContext context) {
    List<DataType> types = relation.output().stream().map(AttributeReference::dataType).toList();
    return new JdbcRDD(context.emberContext(), relation.options(), queries(), types);
  }

  @Override
  public String simpleString() {
    StringBuilder read = new StringBuilder("struct<");
    for (int i = 0; i < relation.output().size(); i++) {
      AttributeReference column = relation.output().get(i);
      read.append(i == 0 ? "" : ",").append(column.name()).append(':').append(column.dataType().simpleString());
    }
    return "Scan JDBCRelation(" + relation.options().table() + ") [numPartitions="
        + relation.partitionClauses().size() + "] [" + String.join(",", relation.output().stream()
        .map(Object::toString).toList()) + "] PushedFilters: " + pushedFilters + ", ReadSchema: " + read + ">";
  }
}

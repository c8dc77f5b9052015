package dev.ember.sql.tpch;

import dev.ember.sql.EmberSession;
import dev.ember.sql.Row;
import dev.ember.sql.RowFactory;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.StructType;
import io.trino.tpch.TpchEntity;
import io.trino.tpch.TpchTable;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The eight TPC-H tables at a small scale factor, generated once per build into {@code target/} as
 * {@code NAME.tbl} text, loaded both into an Ember session (as temporary views) and into DuckDB (as tables),
 * with the standard column types: keys as INT/BIGINT, money and quantities as DECIMAL(15,2), dates as DATE.
 */
final class TpchTables {

  /** One column: its name, its Ember type and its DuckDB type. */
  private record ColumnSpec(String name, DataType emberType, String duckDbType) {
  }

  private static final Map<String, List<ColumnSpec>> TABLES = new LinkedHashMap<>();

  static {
    table("nation", "n_nationkey int", "n_name string", "n_regionkey int", "n_comment string");
    table("region", "r_regionkey int", "r_name string", "r_comment string");
    table("part", "p_partkey long", "p_name string", "p_mfgr string", "p_brand string", "p_type string",
        "p_size int", "p_container string", "p_retailprice money", "p_comment string");
    table("supplier", "s_suppkey long", "s_name string", "s_address string", "s_nationkey int",
        "s_phone string", "s_acctbal money", "s_comment string");
    table("partsupp", "ps_partkey long", "ps_suppkey long", "ps_availqty int", "ps_supplycost money",
        "ps_comment string");
    table("customer", "c_custkey long", "c_name string", "c_address string", "c_nationkey int",
        "c_phone string", "c_acctbal money", "c_mktsegment string", "c_comment string");
    table("orders", "o_orderkey long", "o_custkey long", "o_orderstatus string", "o_totalprice money",
        "o_orderdate date", "o_orderpriority string", "o_clerk string", "o_shippriority int",
        "o_comment string");
    table("lineitem", "l_orderkey long", "l_partkey long", "l_suppkey long", "l_linenumber int",
        "l_quantity money", "l_extendedprice money", "l_discount money", "l_tax money",
        "l_returnflag string", "l_linestatus string", "l_shipdate date", "l_commitdate date",
        "l_receiptdate date", "l_shipinstruct string", "l_shipmode string", "l_comment string");
  }

  private TpchTables() {
  }

  private static void table(String name, String... columns) {
    List<ColumnSpec> specs = new ArrayList<>();
    for (String column : columns) {
      String[] parts = column.split(" ");
      specs.add(switch (parts[1]) {
        case "int" -> new ColumnSpec(parts[0], DataTypes.IntegerType, "INTEGER");
        case "long" -> new ColumnSpec(parts[0], DataTypes.LongType, "BIGINT");
        case "money" -> new ColumnSpec(parts[0], Money.TYPE, "DECIMAL(15,2)");
        case "date" -> new ColumnSpec(parts[0], DataTypes.DateType, "DATE");
        default -> new ColumnSpec(parts[0], DataTypes.StringType, "VARCHAR");
      });
    }
    TABLES.put(name, specs);
  }

  /** The directory holding {@code NAME.tbl} for every table at {@code scale}, generated if missing. */
  static Path generate(Path root, double scale) {
    Path dir = root.resolve("sf" + scale);
    try {
      Files.createDirectories(dir);
      for (TpchTable<?> table : TpchTable.getTables()) {
        Path file = dir.resolve(table.getTableName() + ".tbl");
        if (!Files.exists(file)) {
          Path partial = dir.resolve(table.getTableName() + ".tbl.partial");
          writeText(partial, table, scale);
          Files.move(partial, file);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return dir;
  }

  private static void writeText(Path file, TpchTable<?> table, double scale) throws IOException {
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
      for (TpchEntity row : table.createGenerator(scale, 1, 1)) {
        String line = row.toLine();
        out.append(line, 0, line.endsWith("|") ? line.length() - 1 : line.length()).append('\n');
      }
    }
  }

  /** Registers every table of {@code dir} as a temporary view of {@code session}. */
  static void registerViews(EmberSession session, Path dir) {
    for (Map.Entry<String, List<ColumnSpec>> table : TABLES.entrySet()) {
      StructType schema = new StructType();
      for (ColumnSpec column : table.getValue()) {
        schema = schema.add(column.name(), column.emberType(), false);
      }
      List<Row> rows = new ArrayList<>();
      try {
        for (String line : Files.readAllLines(dir.resolve(table.getKey() + ".tbl"))) {
          rows.add(parse(line, table.getValue()));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      session.createDataFrame(rows, schema).createOrReplaceTempView(table.getKey());
    }
  }

  private static Row parse(String line, List<ColumnSpec> columns) {
    String[] fields = line.split("\\|", -1);
    Object[] values = new Object[columns.size()];
    for (int i = 0; i < values.length; i++) {
      DataType type = columns.get(i).emberType();
      String field = fields[i];
      if (type == DataTypes.IntegerType) {
        values[i] = Integer.parseInt(field);
      } else if (type == DataTypes.LongType) {
        values[i] = Long.parseLong(field);
      } else if (type == DataTypes.DateType) {
        values[i] = LocalDate.parse(field);
      } else if (type == Money.TYPE) {
        values[i] = Money.value(new BigDecimal(field));
      } else {
        values[i] = field;
      }
    }
    return RowFactory.create(values);
  }

  /** Creates and fills every table of {@code dir} in DuckDB. */
  static void loadDuckDb(Statement statement, Path dir) throws SQLException {
    for (Map.Entry<String, List<ColumnSpec>> table : TABLES.entrySet()) {
      StringBuilder ddl = new StringBuilder();
      for (ColumnSpec column : table.getValue()) {
        ddl.append(ddl.length() == 0 ? "" : ", ").append(column.name()).append(' ').append(column.duckDbType());
      }
      statement.execute("CREATE TABLE " + table.getKey() + " (" + ddl + ")");
      statement.execute("COPY " + table.getKey() + " FROM '" + dir.resolve(table.getKey() + ".tbl")
          + "' (DELIMITER '|', HEADER false)");
    }
  }
}

package dev.ember.bench.data;

import java.util.LinkedHashMap;
import java.util.Map;

/** The TPC-H tables' column types, the standard ones (money and quantities as DECIMAL(15,2)). */
public final class TpchSchema {

  private static final String MONEY = "DECIMAL(15,2)";

  private static final Map<String, String> COLUMNS = new LinkedHashMap<>();

  static {
    COLUMNS.put("nation", "n_nationkey INTEGER, n_name VARCHAR, n_regionkey INTEGER, n_comment VARCHAR");
    COLUMNS.put("region", "r_regionkey INTEGER, r_name VARCHAR, r_comment VARCHAR");
    COLUMNS.put("part", "p_partkey BIGINT, p_name VARCHAR, p_mfgr VARCHAR, p_brand VARCHAR, "
        + "p_type VARCHAR, p_size INTEGER, p_container VARCHAR, p_retailprice " + MONEY + ", "
        + "p_comment VARCHAR");
    COLUMNS.put("supplier", "s_suppkey BIGINT, s_name VARCHAR, s_address VARCHAR, s_nationkey INTEGER, "
        + "s_phone VARCHAR, s_acctbal " + MONEY + ", s_comment VARCHAR");
    COLUMNS.put("partsupp", "ps_partkey BIGINT, ps_suppkey BIGINT, ps_availqty INTEGER, "
        + "ps_supplycost " + MONEY + ", ps_comment VARCHAR");
    COLUMNS.put("customer", "c_custkey BIGINT, c_name VARCHAR, c_address VARCHAR, c_nationkey INTEGER, "
        + "c_phone VARCHAR, c_acctbal " + MONEY + ", c_mktsegment VARCHAR, c_comment VARCHAR");
    COLUMNS.put("orders", "o_orderkey BIGINT, o_custkey BIGINT, o_orderstatus VARCHAR, "
        + "o_totalprice " + MONEY + ", o_orderdate DATE, o_orderpriority VARCHAR, o_clerk VARCHAR, "
        + "o_shippriority INTEGER, o_comment VARCHAR");
    COLUMNS.put("lineitem", "l_orderkey BIGINT, l_partkey BIGINT, l_suppkey BIGINT, "
        + "l_linenumber INTEGER, l_quantity " + MONEY + ", l_extendedprice " + MONEY + ", "
        + "l_discount " + MONEY + ", l_tax " + MONEY + ", l_returnflag VARCHAR, l_linestatus VARCHAR, "
        + "l_shipdate DATE, l_commitdate DATE, l_receiptdate DATE, l_shipinstruct VARCHAR, "
        + "l_shipmode VARCHAR, l_comment VARCHAR");
  }

  private TpchSchema() {
  }

  /** Table names mapped to their column list in SQL DDL form ({@code name TYPE, ...}). */
  public static Map<String, String> columns() {
    return Map.copyOf(COLUMNS);
  }

  /** The table names, smallest first. */
  public static Iterable<String> tables() {
    return COLUMNS.keySet();
  }

  /** The DDL column list of one table. */
  public static String columns(String table) {
    return COLUMNS.get(table);
  }
}

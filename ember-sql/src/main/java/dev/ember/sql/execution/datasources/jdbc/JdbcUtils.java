package dev.ember.sql.execution.datasources.jdbc;

import dev.ember.sql.AnalysisException;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.DecimalType;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the JDBC source needs of a database (Spark's {@code JdbcUtils} and default dialect): connections, the
 * schema of a table from its result set metadata, Ember types for SQL types and back, identifier quoting, and
 * moving values between result sets or statements and Ember's internal values.
 */
public final class JdbcUtils {

  private JdbcUtils() {}

  /** A connection to {@code options.url()}, loading the {@code driver} class first when one is named. */
  public static Connection connect(JdbcOptions options) throws SQLException {
    String driver = options.get("driver");
    if (driver != null) {
      try {
        Class.forName(driver);
      } catch (ClassNotFoundException e) {
        throw new IllegalArgumentException("The JDBC driver class " + driver + " is not on the class path", e);
      }
    }
    return DriverManager.getConnection(options.url(), options.connectionProperties());
  }

  /** The error of a failed JDBC operation, naming the URL and what was being done. */
  public static AnalysisException failed(JdbcOptions options, String operation, SQLException e) {
    AnalysisException error = new AnalysisException("FAILED_JDBC.UNCLASSIFIED", Map.of("url", options.url(),
        "message", operation + ": " + e.getMessage()));
    error.addSuppressed(e);
    return error;
  }

  /** The schema of {@code options.table()}, from the metadata of {@code SELECT * FROM table WHERE 1=0}. */
  public static StructType resolveSchema(JdbcOptions options) {
    try (Connection connection = connect(options);
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT * FROM " + options.table() + " WHERE 1=0")) {
      return schemaOf(result.getMetaData());
    } catch (SQLException e) {
      throw failed(options, "reading the schema of " + options.table(), e);
    }
  }

  /** Whether {@code options.table()} exists: whether {@code SELECT * FROM table WHERE 1=0} runs. */
  static boolean tableExists(Connection connection, String table) {
    try (Statement statement = connection.createStatement()) {
      statement.executeQuery("SELECT * FROM " + table + " WHERE 1=0").close();
      return true;
    } catch (SQLException e) {
      return false;
    }
  }

  static StructType schemaOf(ResultSetMetaData metadata) throws SQLException {
    List<StructField> fields = new ArrayList<>();
    for (int c = 1; c <= metadata.getColumnCount(); c++) {
      DataType type = emberType(metadata.getColumnType(c), metadata.getColumnTypeName(c),
          metadata.getPrecision(c), metadata.getScale(c), metadata.isSigned(c));
      fields.add(new StructField(metadata.getColumnLabel(c), type,
          metadata.isNullable(c) != ResultSetMetaData.columnNoNulls));
    }
    return new StructType(fields);
  }

  /** Spark's {@code JdbcUtils.getCatalystType}, for the types Ember has. */
  static DataType emberType(int sqlType, String typeName, int precision, int scale, boolean signed) {
    return switch (sqlType) {
      case Types.BIT, Types.BOOLEAN -> DataTypes.BooleanType;
      case Types.TINYINT -> DataTypes.ByteType;
      case Types.SMALLINT -> DataTypes.ShortType;
      case Types.INTEGER -> signed ? DataTypes.IntegerType : DataTypes.LongType;
      case Types.BIGINT -> signed ? DataTypes.LongType : new DecimalType(20, 0);
      case Types.REAL, Types.FLOAT -> DataTypes.FloatType;
      case Types.DOUBLE -> DataTypes.DoubleType;
      case Types.NUMERIC, Types.DECIMAL -> precision == 0 || precision > 38 ? new DecimalType(38, 18)
          : new DecimalType(precision, Math.max(0, scale));
      case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR,
          Types.CLOB, Types.NCLOB, Types.ROWID, Types.SQLXML -> DataTypes.StringType;
      case Types.DATE -> DataTypes.DateType;
      case Types.TIME, Types.TIMESTAMP, Types.TIME_WITH_TIMEZONE, Types.TIMESTAMP_WITH_TIMEZONE ->
          DataTypes.TimestampType;
      default -> throw new AnalysisException("UNRECOGNIZED_SQL_TYPE", Map.of("typeName", typeName,
          "jdbcType", String.valueOf(sqlType)));
    };
  }

  /** The column type of a created table (Spark's common JDBC types; H2 gets types it accepts). */
  static String sqlType(DataType type, String url) {
    boolean h2 = url.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:");
    if (type instanceof DecimalType decimal) {
      return "DECIMAL(" + decimal.precision() + "," + decimal.scale() + ")";
    }
    if (type == DataTypes.IntegerType || type == DataTypes.ShortType) {
      return "INTEGER";
    }
    if (type == DataTypes.ByteType) {
      return h2 ? "TINYINT" : "BYTE";
    }
    if (type == DataTypes.LongType) {
      return "BIGINT";
    }
    if (type == DataTypes.DoubleType) {
      return "DOUBLE PRECISION";
    }
    if (type == DataTypes.FloatType) {
      return "REAL";
    }
    if (type == DataTypes.BooleanType) {
      return h2 ? "BOOLEAN" : "BIT(1)";
    }
    if (type == DataTypes.StringType) {
      return h2 ? "VARCHAR" : "TEXT";
    }
    if (type == DataTypes.DateType) {
      return "DATE";
    }
    if (type == DataTypes.TimestampType || type == DataTypes.TimestampNTZType) {
      return "TIMESTAMP";
    }
    throw AnalysisException.unsupported("writing a column of type " + type.sql() + " through JDBC");
  }

  /** The java.sql.Types code of {@code type}, for NULL parameters. */
  static int sqlTypeCode(DataType type) {
    if (type instanceof DecimalType) {
      return Types.DECIMAL;
    }
    if (type == DataTypes.IntegerType || type == DataTypes.ShortType || type == DataTypes.ByteType) {
      return Types.INTEGER;
    }
    if (type == DataTypes.LongType) {
      return Types.BIGINT;
    }
    if (type == DataTypes.DoubleType || type == DataTypes.FloatType) {
      return Types.DOUBLE;
    }
    if (type == DataTypes.BooleanType) {
      return Types.BOOLEAN;
    }
    if (type == DataTypes.DateType) {
      return Types.DATE;
    }
    if (type == DataTypes.TimestampType || type == DataTypes.TimestampNTZType) {
      return Types.TIMESTAMP;
    }
    return Types.VARCHAR;
  }

  /** {@code name} quoted as an SQL identifier, as Spark's default dialect does: {@code "name"}. */
  public static String quote(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  /** Column {@code c} (1-based) of the current row as an internal value of {@code type}. */
  static Object read(ResultSet result, int c, DataType type) throws SQLException {
    Object value;
    if (type == DataTypes.BooleanType) {
      value = result.getBoolean(c);
    } else if (type == DataTypes.IntegerType || type == DataTypes.ShortType || type == DataTypes.ByteType) {
      value = result.getInt(c);
    } else if (type == DataTypes.LongType) {
      value = result.getLong(c);
    } else if (type == DataTypes.DoubleType || type == DataTypes.FloatType) {
      value = type == DataTypes.FloatType ? (double) result.getFloat(c) : result.getDouble(c);
    } else if (type instanceof DecimalType decimal) {
      BigDecimal d = result.getBigDecimal(c);
      value = d == null ? null : d.setScale(decimal.scale(), RoundingMode.HALF_UP);
    } else if (type == DataTypes.DateType) {
      java.sql.Date d = result.getDate(c);
      value = d == null ? null : (int) d.toLocalDate().toEpochDay();
    } else if (type == DataTypes.TimestampType) {
      Timestamp t = result.getTimestamp(c);
      value = t == null ? null : micros(t.toInstant());
    } else {
      value = result.getString(c);
    }
    return result.wasNull() ? null : value;
  }

  /** Sets parameter {@code p} (1-based) to internal {@code value} of {@code type}. */
  static void write(PreparedStatement statement, int p, Object value, DataType type) throws SQLException {
    if (value == null) {
      statement.setNull(p, sqlTypeCode(type));
    } else if (type == DataTypes.DateType) {
      statement.setDate(p, java.sql.Date.valueOf(LocalDate.ofEpochDay((Integer) value)));
    } else if (type == DataTypes.TimestampType || type == DataTypes.TimestampNTZType) {
      long micros = (Long) value;
      Instant instant = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
          Math.floorMod(micros, 1_000_000L) * 1000L);
      statement.setTimestamp(p, Timestamp.from(instant));
    } else if (type == DataTypes.FloatType) {
      statement.setFloat(p, (float) (double) (Double) value);
    } else {
      statement.setObject(p, value);
    }
  }

  private static long micros(Instant instant) {
    return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000L);
  }
}

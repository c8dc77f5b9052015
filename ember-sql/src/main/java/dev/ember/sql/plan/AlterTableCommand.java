package dev.ember.sql.plan;

import dev.ember.sql.plan.expressions.Origin;
import dev.ember.sql.types.StructField;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ALTER TABLE forms that change a persistent table's columns or properties, and SHOW TBLPROPERTIES:
 * {@code ADD COLUMNS}, {@code SET TBLPROPERTIES}, {@code UNSET TBLPROPERTIES}, and the column changes Spark
 * rejects for file-source tables ({@code RENAME COLUMN}, {@code DROP COLUMNS}, {@code REPLACE COLUMNS}).
 *
 * @param name the table name parts
 * @param origin where the table name is
 * @param action what to do
 */
public record AlterTableCommand(List<String> name, Origin origin, Action action) implements Command {

  /** Copies the name. */
  public AlterTableCommand {
    name = List.copyOf(name);
  }

  /** One ALTER TABLE form. */
  public sealed interface Action permits AddColumns, CommentColumn, SetProperties, UnsetProperties,
      ShowProperties, UnsupportedColumnChange, AddPartition, DropPartitions, RecoverPartitions, ShowPartitions {}

  /**
   * {@code ADD [IF NOT EXISTS] PARTITION (p = v, ...) [LOCATION '...']}.
   *
   * @param spec every partition column's value
   * @param ifNotExists whether an existing partition is ignored rather than an error
   * @param location the partition's directory, or null for the table's own
   */
  public record AddPartition(Map<String, String> spec, boolean ifNotExists, String location) implements Action {

    /** Copies the spec, keeping its order. */
    public AddPartition {
      spec = Collections.unmodifiableMap(new LinkedHashMap<>(spec));
    }
  }

  /**
   * {@code DROP [IF EXISTS] PARTITION (p = v, ...), ...}: a spec may name some partition columns only.
   *
   * @param specs the partitions
   * @param ifExists whether a missing partition is ignored rather than an error
   */
  public record DropPartitions(List<Map<String, String>> specs, boolean ifExists) implements Action {

    /** Copies the specs. */
    public DropPartitions {
      specs = List.copyOf(specs);
    }
  }

  /**
   * {@code ALTER TABLE t RECOVER PARTITIONS} or {@code MSCK REPAIR TABLE t}.
   *
   * @param operation the statement, for the error on a table without partitions
   */
  public record RecoverPartitions(String operation) implements Action {}

  /**
   * {@code SHOW PARTITIONS t [PARTITION (...)]}.
   *
   * @param spec the values the listed partitions must have, empty for all
   */
  public record ShowPartitions(Map<String, String> spec) implements Action {

    /** Copies the spec. */
    public ShowPartitions {
      spec = Collections.unmodifiableMap(new LinkedHashMap<>(spec));
    }
  }

  /**
   * {@code ADD COLUMNS (c type [COMMENT '...'], ...)}: the columns, appended after the data columns.
   *
   * @param columns the new columns
   * @param comments each new column's comment, or null
   */
  public record AddColumns(List<StructField> columns, List<String> comments) implements Action {

    /** Copies the columns. */
    public AddColumns {
      columns = List.copyOf(columns);
      comments = Collections.unmodifiableList(new ArrayList<>(comments));
    }
  }

  /**
   * {@code ALTER COLUMN c COMMENT '...'}: sets a column's comment.
   *
   * @param column the column name
   * @param comment the comment
   * @param columnOrigin where the column name is, for the error when the table has no such column
   */
  public record CommentColumn(String column, String comment, Origin columnOrigin) implements Action {}

  /**
   * {@code SET TBLPROPERTIES (k = v, ...)}: adds or replaces properties.
   *
   * @param properties the keys and values
   */
  public record SetProperties(Map<String, String> properties) implements Action {

    /** Copies the properties. */
    public SetProperties {
      properties = Map.copyOf(properties);
    }
  }

  /**
   * {@code UNSET TBLPROPERTIES [IF EXISTS] (k, ...)}: removes properties.
   *
   * @param keys the keys
   * @param ifExists whether a key the table lacks is ignored rather than an error
   */
  public record UnsetProperties(List<String> keys, boolean ifExists) implements Action {

    /** Copies the keys. */
    public UnsetProperties {
      keys = List.copyOf(keys);
    }
  }

  /**
   * {@code SHOW TBLPROPERTIES t [(key)]}: the table's properties, or one of them.
   *
   * @param key the one key asked for, or null for all
   */
  public record ShowProperties(String key) implements Action {}

  /**
   * A column change file-source tables do not support, failing as Spark does.
   *
   * @param operation Spark's name of it, e.g. {@code RENAME COLUMN}
   */
  public record UnsupportedColumnChange(String operation) implements Action {}

  @Override
  public String simpleString() {
    return "AlterTableCommand " + String.join(".", name) + " " + action.getClass().getSimpleName();
  }
}

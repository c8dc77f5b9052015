package dev.ember.sql.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StructTypeTest {

  private final StructType schema = new StructType().add("id", DataTypes.IntegerType, false)
      .add("name", DataTypes.StringType).add("born", DataTypes.DateType).add("n", DataTypes.LongType);

  @Test
  void addReturnsANewStructAndKeepsOrder() {
    StructType empty = new StructType();
    assertThat(empty.add("x", DataTypes.DoubleType).fieldNames()).containsExactly("x");
    assertThat(empty.length()).isZero();
    assertThat(schema.fieldNames()).containsExactly("id", "name", "born", "n");
    assertThat(schema.fieldIndex("NAME")).isEqualTo(1);
    assertThatThrownBy(() -> schema.fieldIndex("nope")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void treeStringAndSimpleStringUseSparksTypeNames() {
    assertThat(schema.treeString()).isEqualTo("root\n"
        + " |-- id: integer (nullable = false)\n"
        + " |-- name: string (nullable = true)\n"
        + " |-- born: date (nullable = true)\n"
        + " |-- n: long (nullable = true)\n");
    assertThat(schema.simpleString()).isEqualTo("struct<id:int,name:string,born:date,n:bigint>");
    assertThat(DataTypes.fromSqlName("BIGINT")).isSameAs(DataTypes.LongType);
    assertThat(DataTypes.fromSqlName("decimal")).isEqualTo(DataTypes.createDecimalType(10, 0));
    assertThat(DataTypes.fromSqlName("decimal(12, 2)")).isEqualTo(DataTypes.createDecimalType(12, 2));
    assertThat(DataTypes.fromSqlName("decimal(40,2)")).isNull();
    assertThat(DataTypes.fromSqlName("geography")).isNull();
  }
}

package dev.ember.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.StructType;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowTest {

  @Test
  void accessorsEqualityAndSparksToString() {
    Row row = RowFactory.create("a", 1, 2L, 1.5, true, null);
    assertThat(row.toString()).isEqualTo("[a,1,2,1.5,true,null]");
    assertThat(row.getString(0)).isEqualTo("a");
    assertThat(row.getInt(1)).isEqualTo(1);
    assertThat(row.getLong(2)).isEqualTo(2L);
    assertThat(row.getDouble(3)).isEqualTo(1.5);
    assertThat(row.getBoolean(4)).isTrue();
    assertThat(row.isNullAt(5)).isTrue();
    assertThat(row.size()).isEqualTo(6);
    assertThat(row).isEqualTo(RowFactory.create("a", 1, 2L, 1.5, true, null))
        .hasSameHashCodeAs(RowFactory.create("a", 1, 2L, 1.5, true, null));
    assertThatThrownBy(() -> row.getInt(5)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> row.getAs("x")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void showStringTruncatesLongCellsAndAlignsLikeSpark() {
    StructType schema = new StructType().add("text", DataTypes.StringType).add("n", DataTypes.IntegerType);
    List<Row> rows = List.of(new Row(new Object[] {"abcdefghijklmnopqrstuvwxyz", 1}, schema),
        new Row(new Object[] {null, 22}, schema));
    assertThat(ShowString.format(new String[] {"text", "n"}, rows, 20, 20)).isEqualTo(
        "+--------------------+---+\n"
        + "|                text|  n|\n"
        + "+--------------------+---+\n"
        + "|abcdefghijklmnopq...|  1|\n"
        + "|                NULL| 22|\n"
        + "+--------------------+---+\n");
    assertThat(ShowString.format(new String[] {"text", "n"}, rows, 1, 0)).isEqualTo(
        "+--------------------------+---+\n"
        + "|text                      |n  |\n"
        + "+--------------------------+---+\n"
        + "|abcdefghijklmnopqrstuvwxyz|1  |\n"
        + "+--------------------------+---+\n"
        + "only showing top 1 row\n");
  }
}

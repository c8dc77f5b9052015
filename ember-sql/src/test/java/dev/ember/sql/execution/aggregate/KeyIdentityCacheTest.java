package dev.ember.sql.execution.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.StringColumnVector;
import dev.ember.sql.types.DataTypes;
import org.junit.jupiter.api.Test;

/**
 * String group keys looked up by object identity ahead of {@link MultiKeyGroupIds}' hash table: shared
 * objects, equal strings that are different objects, NULLs, eviction and giving up on many distinct keys.
 */
class KeyIdentityCacheTest {

  private static StringColumnVector column(String... values) {
    StringColumnVector v = new StringColumnVector(DataTypes.StringType, values.length);
    for (int i = 0; i < values.length; i++) {
      v.setBoxed(i, values[i]);
    }
    return v;
  }

  private static int[] ids(MultiKeyGroupIds table, ColumnVector... columns) {
    int n = columns[0].capacity();
    int[] out = new int[n];
    int[] next = {table.size()};
    table.groupIds(columns, n, out, row -> next[0]++);
    return out;
  }

  @Test
  void sharedObjectsAndEqualCopiesFindTheSameGroups() {
    MultiKeyGroupIds table = new MultiKeyGroupIds(2);
    String a = "A";
    String f = "F";
    String n = "N";
    assertThat(ids(table, column(a, n, a, n, a), column(f, f, f, "O", f))).containsExactly(0, 1, 0, 2, 0);
    // A later batch with new objects of equal text (a new dictionary) finds the same groups.
    String a2 = new String("A");
    String f2 = new String("F");
    assertThat(ids(table, column(a2, "N", a2), column(f2, "O", f2))).containsExactly(0, 2, 0);
    assertThat(table.size()).isEqualTo(3);
  }

  @Test
  void nullKeysFormTheirOwnGroupWhateverTheSlotHolds() {
    MultiKeyGroupIds table = new MultiKeyGroupIds(2);
    StringColumnVector first = column("x", null, "x", null);
    // A NULL slot may hold any object: the same object as a non-NULL row must not make them one key.
    first.values[1] = first.values[0];
    assertThat(ids(table, first, column("y", "y", "y", "y"))).containsExactly(0, 1, 0, 1);
    assertThat(ids(table, column(null, "x"), column("y", null))).containsExactly(1, 2);
  }

  @Test
  void oneKeyColumnAndThreeKeyColumnsUseTheGeneralLoop() {
    MultiKeyGroupIds one = new MultiKeyGroupIds(1);
    assertThat(ids(one, column("p", "q", "p", null, null))).containsExactly(0, 1, 0, 2, 2);
    MultiKeyGroupIds three = new MultiKeyGroupIds(3);
    assertThat(ids(three, column("a", "a", "a"), column("b", "b", "c"), column("c", "c", "c")))
        .containsExactly(0, 0, 1);
  }

  @Test
  void moreDistinctKeysThanEntriesEvictAndManyMissesFallBackToHashing() {
    MultiKeyGroupIds table = new MultiKeyGroupIds(2);
    int distinct = 40;
    String[] first = new String[3 * distinct];
    String[] second = new String[3 * distinct];
    for (int i = 0; i < first.length; i++) {
      first[i] = "k" + (i % distinct);
      second[i] = i % distinct < 10 ? "x" : "y";
    }
    int[] got = ids(table, column(first), column(second));
    for (int i = 0; i < got.length; i++) {
      assertThat(got[i]).as("row %d", i).isEqualTo(i % distinct);
    }
    // Ten keys cycling through eight entries: every lookup may miss, but every id is right.
    MultiKeyGroupIds cycling = new MultiKeyGroupIds(2);
    String[] keys = new String[10];
    String[] other = new String[10];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = "c" + i;
      other[i] = "z";
    }
    assertThat(ids(cycling, column(keys), column(other))).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    assertThat(ids(cycling, column(keys), column(other))).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
  }
}

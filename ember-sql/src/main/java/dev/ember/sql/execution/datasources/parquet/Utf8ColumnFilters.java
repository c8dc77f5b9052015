package dev.ember.sql.execution.datasources.parquet;

import dev.ember.sql.execution.vector.ColumnVector;
import dev.ember.sql.execution.vector.StringColumnVector;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.types.DataTypes;
import java.util.ArrayList;
import java.util.List;

/**
 * The conjuncts of a {@link LateRowFilter} that the Parquet reader evaluates on the UTF-8 bytes of string
 * columns as it walks their pages ({@link Utf8StringTest}), without a String per row: all the conjuncts on a
 * string column when each is such a test. The column's Strings are then made only for the rows every conjunct
 * keeps, and not at all when the column is read only for the filter (its values are returned as NULLs, never
 * read above the scan).
 */
final class Utf8ColumnFilters {

  /** Per required column, the byte tests of its conjuncts, or null when it is not filtered on bytes. */
  private final Utf8StringTest[][] tests;
  private final boolean[] filterOnly;
  /** The other conjuncts, or null when none. */
  private final LateRowFilter rest;

  private Utf8ColumnFilters(Utf8StringTest[][] tests, boolean[] filterOnly, LateRowFilter rest) {
    this.tests = tests;
    this.filterOnly = filterOnly;
    this.rest = rest;
  }

  /**
   * Splits {@code filter}'s conjuncts: byte tests of UTF-8 columns of the file ({@code decoders[fileColumn[c]]}
   * for required column {@code c}, -1 when not a flat file column) read by no other conjunct, and the rest.
   * Null when no conjunct is a byte test. {@code filterOnly} (null: none) marks the columns read only for the
   * filter, when the reader applies it exactly.
   */
  static Utf8ColumnFilters of(LateRowFilter filter, int numColumns, int[] fileColumn,
      ParquetColumnDecoder[] decoders, boolean[] filterOnly) {
    List<Expression> conjuncts = filter.conjuncts();
    boolean[] eligible = new boolean[numColumns];
    for (int c = 0; c < numColumns; c++) {
      eligible[c] = fileColumn[c] >= 0 && decoders[fileColumn[c]].readsUtf8();
    }
    for (Expression conjunct : conjuncts) {
      int column = Utf8StringTest.of(conjunct) == null ? -1 : Utf8StringTest.columnOf(conjunct);
      LateRowFilter one = new LateRowFilter(List.of(conjunct), numColumns);
      for (int c = 0; c < numColumns; c++) {
        if (one.reads(c) && c != column) {
          eligible[c] = false;
        }
      }
    }
    List<List<Utf8StringTest>> perColumn = new ArrayList<>();
    for (int c = 0; c < numColumns; c++) {
      perColumn.add(new ArrayList<>());
    }
    List<Expression> others = new ArrayList<>();
    for (Expression conjunct : conjuncts) {
      Utf8StringTest test = Utf8StringTest.of(conjunct);
      if (test != null && eligible[Utf8StringTest.columnOf(conjunct)]) {
        perColumn.get(Utf8StringTest.columnOf(conjunct)).add(test);
      } else {
        others.add(conjunct);
      }
    }
    if (others.size() == conjuncts.size()) {
      return null;
    }
    Utf8StringTest[][] tests = new Utf8StringTest[numColumns][];
    boolean[] only = new boolean[numColumns];
    for (int c = 0; c < numColumns; c++) {
      if (!perColumn.get(c).isEmpty()) {
        tests[c] = perColumn.get(c).toArray(new Utf8StringTest[0]);
        only[c] = filterOnly != null && filterOnly[c];
        if (only[c]) {
          decoders[fileColumn[c]].decodeBytesOnly();
        }
      }
    }
    return new Utf8ColumnFilters(tests, only, others.isEmpty() ? null : new LateRowFilter(others, numColumns));
  }

  /** The conjuncts not evaluated on bytes, or null when there are none. */
  LateRowFilter rest() {
    return rest;
  }

  /** Whether column {@code c} is filtered on its bytes. */
  boolean filters(int c) {
    return tests[c] != null;
  }

  /**
   * Tests the next {@code rows} values of every byte-filtered column on the rows {@code selected[0, count)}
   * the other conjuncts kept, compacting {@code selected}; returns how many rows pass. Each tested column's
   * vector, holding Strings only at the rows that passed its tests, is left in {@code vectors} (null for a
   * filter-only column).
   */
  int select(ParquetColumnDecoder[] decoders, int[] fileColumn, int rows, int[] selected, int count,
      ColumnVector[] vectors) {
    for (int c = 0; c < tests.length; c++) {
      if (tests[c] != null) {
        StringColumnVector out = filterOnly[c] ? null : new StringColumnVector(DataTypes.StringType, rows);
        count = decoders[fileColumn[c]].filterBytes(rows, selected, count, tests[c], out);
        vectors[c] = out;
      }
    }
    return count;
  }

  /** Column {@code c}'s vector of the {@code count} kept rows, from what {@link #select} left in it. */
  ColumnVector output(int c, ColumnVector tested, int[] selected, int count) {
    if (filterOnly[c]) {
      StringColumnVector nulls = new StringColumnVector(DataTypes.StringType, count);
      java.util.Arrays.fill(nulls.nulls, true);
      return nulls;
    }
    return tested.gather(selected, count);
  }
}

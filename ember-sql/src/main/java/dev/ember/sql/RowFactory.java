package dev.ember.sql;

/** Builds rows without schema, for {@code createDataFrame}: {@code RowFactory.create("a", 1)}. */
public final class RowFactory {

  private RowFactory() {}

  /** A row of {@code values}. */
  public static Row create(Object... values) {
    return new Row(values, null);
  }
}

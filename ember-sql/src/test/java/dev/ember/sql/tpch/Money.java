package dev.ember.sql.tpch;

import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DecimalType;
import java.math.BigDecimal;

/**
 * How the TPC-H money and quantity columns (DECIMAL(15,2) in the standard schema) are typed in Ember's
 * tables: in one place, so the whole suite follows when the type changes.
 */
final class Money {

  /** The Ember type of money columns. */
  static final DataType TYPE = new DecimalType(15, 2);

  private Money() {
  }

  /** The Ember value of a money field. */
  static Object value(BigDecimal field) {
    return field;
  }
}

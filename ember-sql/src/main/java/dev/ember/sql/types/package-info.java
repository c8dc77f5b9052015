/** Spark SQL's data types: the atomic types in {@link dev.ember.sql.types.DataTypes} and row schemas. */
package dev.ember.sql.types;

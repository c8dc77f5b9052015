/** The SQL parser: an ANTLR4 grammar of Ember's own for the Spark SQL dialect, producing unresolved plans. */
package dev.ember.sql.parser;

/** The csv file format. */
package dev.ember.sql.execution.datasources.csv;

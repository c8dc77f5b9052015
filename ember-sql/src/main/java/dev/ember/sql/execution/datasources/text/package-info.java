/** The text file format. */
package dev.ember.sql.execution.datasources.text;

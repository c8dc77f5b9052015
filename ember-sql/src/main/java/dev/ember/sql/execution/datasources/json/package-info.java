/** The json file format. */
package dev.ember.sql.execution.datasources.json;

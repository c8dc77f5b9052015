/** The Java functional interfaces of user-defined functions ({@code UDF1}, {@code UDF2}, {@code UDF3}). */
package dev.ember.sql.api.java;

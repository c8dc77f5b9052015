/** Command-line entry points: {@code ember-submit} and {@code run-example}. */
package dev.ember.cli;

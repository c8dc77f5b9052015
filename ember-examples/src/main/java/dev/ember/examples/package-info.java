/** The classic example programs, written for Ember; run them with {@code bin/run-example NAME [args]}. */
package dev.ember.examples;

/** Accumulators and other small utilities shared across the engine. */
package dev.ember.util;

/** Broadcast variables: read-only values shipped to each executor once and read by many tasks. */
package dev.ember.broadcast;

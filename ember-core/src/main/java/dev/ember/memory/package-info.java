/** The unified memory pool shared by execution and storage, and the consumers that spill when it runs short. */
package dev.ember.memory;

/** Block storage: storage levels, block ids, and each executor's block manager and local directories. */
package dev.ember.storage;

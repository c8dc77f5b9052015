/** Reading and writing RDDs as files: path handling and the output committer that makes writes atomic. */
package dev.ember.rdd.io;

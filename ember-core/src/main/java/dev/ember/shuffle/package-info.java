/** The sort-based shuffle: map tasks write partitioned data and index files; reduce tasks fetch their slices. */
package dev.ember.shuffle;

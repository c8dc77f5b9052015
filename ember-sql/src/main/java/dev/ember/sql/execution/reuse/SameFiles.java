package dev.ember.sql.execution.reuse;

import dev.ember.sql.execution.datasources.FileIndex;
import dev.ember.sql.execution.datasources.FileRelation;

/**
 * Whether two file relations read the same files the same way. A table or view read twice in one query is
 * resolved twice, into relations that are equal in all but the identity of their file listings; file formats
 * hold no state (their settings are in the options), so formats of one class read alike.
 */
final class SameFiles {

  private SameFiles() {}

  static boolean same(FileRelation left, FileRelation right) {
    if (left.equals(right)) {
      return true;
    }
    return left.format().getClass() == right.format().getClass()
        && left.dataSchema().equals(right.dataSchema())
        && left.partitionSchema().equals(right.partitionSchema())
        && left.options().equals(right.options())
        && left.settings().equals(right.settings())
        && sameListing(left.location(), right.location());
  }

  private static boolean sameListing(FileIndex left, FileIndex right) {
    return left.rootPaths().equals(right.rootPaths())
        && left.partitionSchema().equals(right.partitionSchema())
        && left.allFiles().equals(right.allFiles())
        && left.sizeInBytes() == right.sizeInBytes();
  }
}

package dev.ember.sql.execution.datasources;

import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Files of one format read as a table (Spark's {@code HadoopFsRelation}): where they are, the schema of the
 * data in them, the partition columns found in their directories, and the read options.
 *
 * @param format the file format
 * @param location the listed files
 * @param dataSchema the columns stored in the files
 * @param partitionSchema the columns from {@code key=value} directories
 * @param options the read options
 * @param settings how scans cut the files into tasks
 */
public record FileRelation(FileFormat format, FileIndex location, StructType dataSchema,
    StructType partitionSchema, DataSourceOptions options, ScanSettings settings) implements Serializable {

  /** The data columns followed by the partition columns, as a DataFrame over the files shows them. */
  public StructType schema() {
    List<StructField> fields = new ArrayList<>(dataSchema.fieldList());
    fields.addAll(partitionSchema.fieldList());
    return new StructType(fields);
  }

  /** The size of the files, for join planning (Spark's {@code sizeInBytes}). */
  public long sizeInBytes() {
    return location.sizeInBytes();
  }
}

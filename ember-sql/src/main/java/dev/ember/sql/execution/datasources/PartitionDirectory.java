package dev.ember.sql.execution.datasources;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The files of one partition directory ({@code year=2024/month=1}) and its partition values.
 *
 * @param values the partition column values as internal values, in partition schema order (null for
 *     {@code __HIVE_DEFAULT_PARTITION__})
 * @param files the data files directly in the directory
 */
public record PartitionDirectory(List<Object> values, List<PartitionedFile> files) implements Serializable {

  /** Copies the lists (values may hold nulls). */
  public PartitionDirectory {
    values = Collections.unmodifiableList(new ArrayList<>(values));
    files = List.copyOf(files);
  }
}

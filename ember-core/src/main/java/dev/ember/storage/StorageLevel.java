package dev.ember.storage;

import java.io.Serializable;
import java.util.Locale;

/**
 * How an RDD's partitions are kept once computed: in memory as objects, in memory as serialized bytes, on
 * disk, or a mix, and on how many executors. The constants carry Spark's names.
 *
 * @param useDisk whether blocks may be kept on local disk
 * @param useMemory whether blocks may be kept in memory
 * @param deserialized whether blocks in memory are kept as objects (true) or as serialized bytes (false)
 * @param replication on how many executors each block is kept (1 to 40)
 */
public record StorageLevel(boolean useDisk, boolean useMemory, boolean deserialized, int replication)
    implements Serializable {

  public static final StorageLevel NONE = new StorageLevel(false, false, false, 1);
  public static final StorageLevel DISK_ONLY = new StorageLevel(true, false, false, 1);
  public static final StorageLevel DISK_ONLY_2 = new StorageLevel(true, false, false, 2);
  public static final StorageLevel MEMORY_ONLY = new StorageLevel(false, true, true, 1);
  public static final StorageLevel MEMORY_ONLY_2 = new StorageLevel(false, true, true, 2);
  public static final StorageLevel MEMORY_ONLY_SER = new StorageLevel(false, true, false, 1);
  public static final StorageLevel MEMORY_ONLY_SER_2 = new StorageLevel(false, true, false, 2);
  public static final StorageLevel MEMORY_AND_DISK = new StorageLevel(true, true, true, 1);
  public static final StorageLevel MEMORY_AND_DISK_2 = new StorageLevel(true, true, true, 2);
  public static final StorageLevel MEMORY_AND_DISK_SER = new StorageLevel(true, true, false, 1);
  public static final StorageLevel MEMORY_AND_DISK_SER_2 = new StorageLevel(true, true, false, 2);

  public StorageLevel {
    if (replication < 1 || replication > 40) {
      throw new IllegalArgumentException("Replication must be between 1 and 40, but is " + replication + ".");
    }
  }

  /** Whether this level keeps anything at all. */
  public boolean isValid() {
    return useDisk || useMemory;
  }

  /**
   * The level named {@code name}, as in Spark ({@code MEMORY_AND_DISK_SER}, any case).
   *
   * @throws IllegalArgumentException naming the valid levels if {@code name} is none of them
   */
  public static StorageLevel fromString(String name) {
    return switch (name.trim().toUpperCase(Locale.ROOT)) {
      case "NONE" -> NONE;
      case "DISK_ONLY" -> DISK_ONLY;
      case "DISK_ONLY_2" -> DISK_ONLY_2;
      case "MEMORY_ONLY" -> MEMORY_ONLY;
      case "MEMORY_ONLY_2" -> MEMORY_ONLY_2;
      case "MEMORY_ONLY_SER" -> MEMORY_ONLY_SER;
      case "MEMORY_ONLY_SER_2" -> MEMORY_ONLY_SER_2;
      case "MEMORY_AND_DISK" -> MEMORY_AND_DISK;
      case "MEMORY_AND_DISK_2" -> MEMORY_AND_DISK_2;
      case "MEMORY_AND_DISK_SER" -> MEMORY_AND_DISK_SER;
      case "MEMORY_AND_DISK_SER_2" -> MEMORY_AND_DISK_SER_2;
      default -> throw new IllegalArgumentException("Unknown storage level '" + name + "'. Valid levels: NONE, "
          + "DISK_ONLY, MEMORY_ONLY, MEMORY_ONLY_SER, MEMORY_AND_DISK, MEMORY_AND_DISK_SER (each with _2).");
    };
  }

  @Override
  public String toString() {
    if (!isValid()) {
      return "StorageLevel(NONE)";
    }
    StringBuilder out = new StringBuilder("StorageLevel(");
    if (useDisk) {
      out.append("disk, ");
    }
    if (useMemory) {
      out.append("memory, ");
    }
    out.append(deserialized ? "deserialized, " : "serialized, ");
    return out.append(replication).append(" replicas)").toString();
  }
}

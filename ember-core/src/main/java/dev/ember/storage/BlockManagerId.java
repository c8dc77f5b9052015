package dev.ember.storage;

import java.io.Serializable;

/**
 * Where a block manager lives: its executor and the host and port other executors fetch blocks from. In
 * local mode the port is 0, as blocks are read from local files.
 */
public record BlockManagerId(String executorId, String host, int port) implements Serializable {

  @Override
  public String toString() {
    return "BlockManagerId(" + executorId + ", " + host + ", " + port + ")";
  }
}

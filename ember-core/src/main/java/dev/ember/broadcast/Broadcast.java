package dev.ember.broadcast;

import dev.ember.EmberEnv;
import dev.ember.EmberException;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;

/**
 * A read-only value shipped to each executor once, instead of inside every task. Tasks capture the broadcast
 * handle, which serializes to a few bytes; its value is fetched from the executor's block manager the first
 * time {@link #value()} is called there, and kept for the other tasks of that executor.
 *
 * <pre>{@code
 * Broadcast<Map<String, Integer>> lookup = sc.broadcast(bigMap);
 * rdd.map(key -> lookup.value().get(key));
 * }</pre>
 *
 * @param <T> the type of the value
 */
public final class Broadcast<T> implements Serializable {

  private static final long serialVersionUID = 1L;
  /** The piece count of a broadcast held for the driver's process only, never serialized. */
  static final int LOCAL_ONLY = 0;

  private final long id;
  private final int numPieces;
  private volatile boolean valid = true;
  private transient volatile T value;
  private transient volatile boolean loaded;

  /** Creates the driver's handle of broadcast {@code id}, whose value is cut into {@code numPieces} pieces. */
  Broadcast(long id, int numPieces, T value) {
    this.id = id;
    this.numPieces = numPieces;
    this.value = value;
    this.loaded = true;
  }

  /** The id of this broadcast variable, unique within its application. */
  public long id() {
    return id;
  }

  /**
   * The broadcast value; on an executor it is fetched and deserialized on first use.
   *
   * @throws EmberException {@code BROADCAST_DESTROYED} once {@link #destroy()} has been called
   */
  @SuppressWarnings("unchecked")
  public T value() {
    assertValid();
    if (!loaded) {
      synchronized (this) {
        if (!loaded) {
          value = (T) EmberEnv.get().broadcastManager().readValue(id, numPieces);
          loaded = true;
        }
      }
    }
    return value;
  }

  /**
   * Deletes the executors' cached copies of the value; a task that uses it again fetches it anew. Returns
   * once they are deleted.
   */
  public void unpersist() {
    unpersist(true);
  }

  /** Deletes the executors' cached copies of the value; {@code blocking} is accepted for Spark compatibility. */
  public void unpersist(boolean blocking) {
    assertValid();
    EmberEnv.get().broadcastManager().unpersist(id, false);
  }

  /** Deletes the value everywhere, driver included; the broadcast cannot be used afterwards. */
  public void destroy() {
    destroy(true);
  }

  /** Deletes the value everywhere, driver included; {@code blocking} is accepted for Spark compatibility. */
  public void destroy(boolean blocking) {
    assertValid();
    valid = false;
    value = null;
    EmberEnv.get().broadcastManager().unpersist(id, true);
  }

  /** Whether this broadcast may still be used, that is {@link #destroy()} has not been called. */
  public boolean isValid() {
    return valid;
  }

  private void assertValid() {
    if (!valid) {
      throw new EmberException("BROADCAST_DESTROYED", "Attempted to use " + this + " after it was destroyed; "
          + "create a new broadcast variable instead.");
    }
  }

  /** A destroyed broadcast must not travel inside a task: fail where the task is built, not where it runs. */
  private void writeObject(ObjectOutputStream out) throws IOException {
    assertValid();
    out.defaultWriteObject();
  }

  @Override
  public String toString() {
    return "Broadcast(" + id + ")";
  }
}

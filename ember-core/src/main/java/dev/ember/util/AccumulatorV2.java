package dev.ember.util;

import dev.ember.TaskContext;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;

/**
 * A value that tasks add to and only the driver reads. Each task works on its own copy, starting from zero;
 * when the task succeeds its copy is sent back and merged into the driver's accumulator, exactly once per
 * successful task.
 *
 * <p>Subclasses define the zero value, how to add, how to merge two copies, and how to copy.
 *
 * @param <IN> the type of values added
 * @param <OUT> the type of the accumulated value
 */
public abstract class AccumulatorV2<IN, OUT> implements Serializable {

  private static final long serialVersionUID = 1L;

  private long id = -1;
  private String name;
  private transient boolean atDriverSide = true;

  /** Registers this accumulator with the driver under {@code accumulatorName} (may be null). For contexts. */
  public final void register(String accumulatorName) {
    if (id >= 0) {
      throw new IllegalStateException("Accumulator " + this + " is already registered.");
    }
    this.name = accumulatorName;
    this.id = AccumulatorContext.register(this);
  }

  /** Whether the accumulator has been registered with a context. */
  public final boolean isRegistered() {
    return id >= 0;
  }

  /** The id of this accumulator within the application. */
  public final long id() {
    return id;
  }

  /** The name given at registration, or {@code null}. */
  public final String name() {
    return name;
  }

  /** Whether this object is the driver's accumulator rather than a task's copy. */
  public final boolean isAtDriverSide() {
    return atDriverSide;
  }

  /** Whether this accumulator holds the zero value. */
  public abstract boolean isZero();

  /** A new accumulator of the same kind holding the same value. */
  public abstract AccumulatorV2<IN, OUT> copy();

  /** Resets this accumulator to the zero value. */
  public abstract void reset();

  /** Adds {@code value}. */
  public abstract void add(IN value);

  /** Merges another copy of this accumulator into this one. */
  public abstract void merge(AccumulatorV2<IN, OUT> other);

  /** The accumulated value. On executors this is only the current task's share. */
  public abstract OUT value();

  /** A zeroed copy carrying the same id and name, as tasks get. */
  final AccumulatorV2<IN, OUT> copyAndReset() {
    AccumulatorV2<IN, OUT> copy = copy();
    copy.reset();
    copy.id = id;
    copy.name = name;
    return copy;
  }

  /** Deserialized copies are not the driver's. */
  private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
    in.defaultReadObject();
    atDriverSide = false;
  }

  /**
   * Copies deserialized in a task start from zero and register with that task. This runs once the whole object
   * is read: a reset in {@link #readObject} would be undone by the subclass's fields, which are read after this
   * class's, and a task would start from the driver's current value.
   */
  protected Object readResolve() {
    TaskContext context = TaskContext.get();
    if (context != null) {
      reset();
      if (context instanceof AccumulatorRegistrar registrar) {
        registrar.registerAccumulator(this);
      }
    }
    return this;
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "(id: " + id + ", name: " + name + ", value: " + value() + ")";
  }

  /** A task context that collects the accumulators its task deserializes. */
  public interface AccumulatorRegistrar {
    /** Records {@code accumulator} so its value is sent back when the task ends. */
    void registerAccumulator(AccumulatorV2<?, ?> accumulator);
  }
}

package dev.ember.storage;

import dev.ember.TaskContext;
import dev.ember.memory.MemoryManager;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The values of a block that did not fit in memory: those already unrolled, then the rest of the source. It
 * holds the storage memory reserved while unrolling until it is exhausted or its task ends, as the unrolled
 * values stay on the heap until then.
 */
final class PartiallyUnrolledIterator<T> implements Iterator<T> {

  private final Iterator<T> unrolled;
  private final Iterator<T> rest;
  private final MemoryManager memoryManager;
  private final long reserved;
  private final AtomicBoolean released = new AtomicBoolean();

  @SuppressWarnings("unchecked")
  PartiallyUnrolledIterator(Iterator<?> unrolled, Iterator<T> rest, MemoryManager memoryManager, long reserved) {
    this.unrolled = (Iterator<T>) unrolled;
    this.rest = rest;
    this.memoryManager = memoryManager;
    this.reserved = reserved;
    TaskContext context = TaskContext.get();
    if (context != null) {
      context.addTaskCompletionListener(c -> release());
    }
  }

  @Override
  public boolean hasNext() {
    if (unrolled.hasNext()) {
      return true;
    }
    release();
    return rest.hasNext();
  }

  @Override
  public T next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return unrolled.hasNext() ? unrolled.next() : rest.next();
  }

  private void release() {
    if (released.compareAndSet(false, true)) {
      memoryManager.releaseStorageMemory(reserved);
    }
  }
}

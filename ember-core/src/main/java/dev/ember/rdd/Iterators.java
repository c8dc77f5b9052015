package dev.ember.rdd;

import dev.ember.api.function.FlatMapFunction;
import dev.ember.api.function.Function;
import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;

/** Lazy iterator adapters that run user functions one record at a time. */
public final class Iterators {

  private Iterators() {}

  /** Applies {@code f} to each element of {@code input}. */
  public static <T, U> Iterator<U> map(Iterator<T> input, Function<T, U> f) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return input.hasNext();
      }

      @Override
      public U next() {
        return call(f, input.next());
      }
    };
  }

  /** Keeps the elements of {@code input} for which {@code predicate} is true. */
  public static <T> Iterator<T> filter(Iterator<T> input, Function<T, Boolean> predicate) {
    return new Iterator<>() {
      private T nextValue;
      private boolean ready;

      @Override
      public boolean hasNext() {
        while (!ready && input.hasNext()) {
          T candidate = input.next();
          if (Boolean.TRUE.equals(call(predicate, candidate))) {
            nextValue = candidate;
            ready = true;
          }
        }
        return ready;
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        ready = false;
        T value = nextValue;
        nextValue = null;
        return value;
      }
    };
  }

  /** Concatenates the iterators {@code f} returns for each element of {@code input}. */
  public static <T, U> Iterator<U> flatMap(Iterator<T> input, FlatMapFunction<T, U> f) {
    return new Iterator<>() {
      private Iterator<U> current = Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!current.hasNext()) {
          if (!input.hasNext()) {
            return false;
          }
          T value = input.next();
          try {
            Iterator<U> produced = f.call(value);
            current = produced == null ? Collections.emptyIterator() : produced;
          } catch (Exception e) {
            throw UserFunctionException.wrap(e);
          }
        }
        return true;
      }

      @Override
      public U next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return current.next();
      }
    };
  }

  /** Calls {@code f}, passing runtime exceptions through and wrapping checked ones. */
  public static <T, U> U call(Function<T, U> f, T value) {
    try {
      return f.call(value);
    } catch (Exception e) {
      throw UserFunctionException.wrap(e);
    }
  }
}

package dev.ember;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Undoes a partly started {@link EmberContext}: each step that started something registers how to undo it,
 * and if a later step throws, the undo actions run newest first. A failing undo action does not stop the
 * others; its exception is added to the startup failure as suppressed.
 */
final class StartupRollback {

  private final Deque<Runnable> undoActions = new ArrayDeque<>();

  /** Registers {@code undo} to run if startup fails from now on. */
  void onFailure(Runnable undo) {
    undoActions.push(undo);
  }

  /** Runs every registered undo action, newest first, recording their failures on {@code failure}. */
  void rollBack(Throwable failure) {
    while (!undoActions.isEmpty()) {
      try {
        undoActions.pop().run();
      } catch (RuntimeException e) {
        failure.addSuppressed(e);
      }
    }
  }
}

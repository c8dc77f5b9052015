package dev.ember.sql.execution;

import dev.ember.sql.execution.vector.ColumnarBatch;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The broadcast build sides of one execution of a plan, collected ahead of the plan's operators, so a query's
 * independent broadcasts can be collected at the same time (as Spark starts every broadcast exchange of a plan
 * before it waits on any) instead of one after another as the operators build their RDDs. A broadcast join
 * takes its build rows through {@link #collect}: the rows collected ahead when its build side was
 * {@linkplain #prepare prepared}, else collected there and then. Each prepared collection runs once, on
 * whichever thread asks first; a thread asking while another runs it waits for it.
 */
public final class BroadcastBuilds {

  private final Map<PhysicalPlan, FutureTask<List<ColumnarBatch>>> prepared =
      Collections.synchronizedMap(new IdentityHashMap<>());

  /**
   * A step collecting the rows of {@code build} (a broadcast join's build side, this very node) for a later
   * {@link #collect}; running the step throws what the collection threw.
   */
  public Runnable prepare(PhysicalPlan build, ExecutionContext context) {
    FutureTask<List<ColumnarBatch>> task = new FutureTask<>(() -> build.executeCollect(context));
    prepared.put(build, task);
    return () -> {
      task.run();
      await(task);
    };
  }

  /** The rows of {@code build}: collected ahead if it was prepared (once), else collected now. */
  public List<ColumnarBatch> collect(PhysicalPlan build, ExecutionContext context) {
    FutureTask<List<ColumnarBatch>> task = prepared.remove(build);
    if (task == null) {
      return build.executeCollect(context);
    }
    // Runs it here unless it has started elsewhere; then waits for it.
    task.run();
    return await(task);
  }

  /** Whether {@code build} has prepared rows not taken yet. */
  public boolean isPrepared(PhysicalPlan build) {
    return prepared.containsKey(build);
  }

  private static List<ColumnarBatch> await(FutureTask<List<ColumnarBatch>> task) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return task.get();
        } catch (InterruptedException e) {
          // The collection is a job of the query's own; it ends with the query.
          interrupted = true;
        }
      }
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException("Collecting a broadcast build side failed", cause);
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}

package dev.ember.executor;

import dev.ember.EmberEnv;
import dev.ember.TaskKilledException;
import dev.ember.scheduler.DirectTaskResult;
import dev.ember.scheduler.Task;
import dev.ember.scheduler.TaskDescription;
import dev.ember.scheduler.TaskEndReason;
import dev.ember.scheduler.TaskFailure;
import dev.ember.scheduler.TaskState;
import dev.ember.serializer.SerializerInstance;
import dev.ember.shuffle.FetchFailedException;
import dev.ember.util.AccumulatorV2;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks on a thread pool. Each task arrives serialized and is deserialized here, in local mode as in a
 * cluster, and its result or failure is reported to the {@link ExecutorBackend}.
 */
public final class Executor {

  private static final Logger LOG = LoggerFactory.getLogger(Executor.class);
  /**
   * The JVM's collectors, looked up once: the platform's bean lookup costs more than a small task's own work, and
   * every task reads the collectors' times when it starts and ends. The set of collectors is fixed at JVM start.
   */
  private static final List<GarbageCollectorMXBean> GARBAGE_COLLECTORS =
      List.copyOf(ManagementFactory.getGarbageCollectorMXBeans());

  private final String executorId;
  private final EmberEnv env;
  private final ClassLoader userClassLoader;
  private final ExecutorService threadPool;
  private final Map<Long, TaskRunner> runningTasks = new ConcurrentHashMap<>();

  /**
   * @param userClassLoader loads the application's classes when tasks are deserialized
   */
  public Executor(String executorId, EmberEnv env, ClassLoader userClassLoader) {
    this.executorId = executorId;
    this.env = env;
    this.userClassLoader = userClassLoader;
    AtomicInteger counter = new AtomicInteger();
    ThreadFactory factory = runnable -> {
      Thread thread = new Thread(runnable, "Executor task launch worker-" + counter.getAndIncrement());
      thread.setDaemon(true);
      return thread;
    };
    this.threadPool = Executors.newCachedThreadPool(factory);
  }

  public String executorId() {
    return executorId;
  }

  /** Starts running {@code task}; its state changes go to {@code backend}. */
  public void launchTask(ExecutorBackend backend, TaskDescription task) {
    TaskRunner runner = new TaskRunner(backend, task);
    runningTasks.put(task.taskId(), runner);
    threadPool.execute(runner);
  }

  /** Asks task {@code taskId} to stop, interrupting its thread if {@code interruptThread}. */
  public void killTask(long taskId, boolean interruptThread, String reason) {
    TaskRunner runner = runningTasks.get(taskId);
    if (runner != null) {
      runner.kill(interruptThread, reason);
    }
  }

  /** The number of tasks running now. */
  public int runningTaskCount() {
    return runningTasks.size();
  }

  /** Kills running tasks and stops the thread pool. */
  public void stop() {
    for (TaskRunner runner : runningTasks.values()) {
      runner.kill(true, "executor stopped");
    }
    threadPool.shutdownNow();
    try {
      threadPool.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private final class TaskRunner implements Runnable {
    private final ExecutorBackend backend;
    private final TaskDescription description;
    private volatile Task<?> task;
    private volatile Thread thread;
    private volatile String killReason;

    TaskRunner(ExecutorBackend backend, TaskDescription description) {
      this.backend = backend;
      this.description = description;
    }

    void kill(boolean interruptThread, String reason) {
      killReason = reason;
      Task<?> current = task;
      if (current != null) {
        current.kill(reason);
      }
      // Under the lock, so the interrupt cannot land on the pool thread after it has moved to another task.
      synchronized (this) {
        if (interruptThread && thread != null) {
          thread.interrupt();
        }
      }
    }

    @Override
    public void run() {
      thread = Thread.currentThread();
      Thread.currentThread().setContextClassLoader(userClassLoader);
      SerializerInstance closureSerializer = env.closureSerializer().newInstance();
      MetricsClock clock = new MetricsClock();
      backend.statusUpdate(description.taskId(), TaskState.RUNNING, ByteBuffer.allocate(0));
      try {
        task = closureSerializer.deserialize(ByteBuffer.wrap(description.serializedTask()), userClassLoader);
        clock.deserialized();
        if (killReason != null) {
          task.kill(killReason);
          throw new TaskKilledException(killReason);
        }
        Object value = task.run(description.taskId(), description.attemptNumber(), env);
        if (task.context().isInterrupted()) {
          throw new TaskKilledException(task.context().killReason());
        }
        byte[] valueBytes = toArray(env.serializer().newInstance().serialize(value));
        TaskMetrics metrics = clock.fill(task);
        metrics.setResultSize(valueBytes.length);
        DirectTaskResult result = new DirectTaskResult(valueBytes, task.context().accumulators(), metrics);
        backend.statusUpdate(description.taskId(), TaskState.FINISHED, closureSerializer.serialize(result));
      } catch (Throwable t) {
        reportFailure(closureSerializer, t, clock.fill(task));
      } finally {
        runningTasks.remove(description.taskId());
        synchronized (this) {
          thread = null;
        }
        Thread.interrupted();
      }
    }

    private void reportFailure(SerializerInstance closureSerializer, Throwable t, TaskMetrics metrics) {
      FetchFailedException fetchFailure = findCause(t, FetchFailedException.class);
      TaskEndReason reason;
      TaskState state;
      if (fetchFailure != null) {
        reason = new TaskEndReason.FetchFailed(fetchFailure.address(), fetchFailure.shuffleId(),
            fetchFailure.mapId(), fetchFailure.mapIndex(), fetchFailure.reduceId(), fetchFailure.getMessage());
        state = TaskState.FAILED;
      } else if (killReason != null
          && (t instanceof TaskKilledException || t instanceof InterruptedException || isInterruptCaused(t))) {
        reason = new TaskEndReason.TaskKilled(killReason);
        state = TaskState.KILLED;
      } else {
        if (!(t instanceof Exception)) {
          LOG.error("Error in {}: {}", description.name(), t.toString(), t);
        } else {
          LOG.warn("Lost {} (TID {}): {}", description.name(), description.taskId(), t.toString());
        }
        List<AccumulatorV2<?, ?>> updates = task == null || task.context() == null
            ? List.of() : task.context().accumulators();
        reason = new TaskEndReason.ExceptionFailure(t.getClass().getName(), String.valueOf(t.getMessage()),
            stackTraceOf(t), serializableOrNull(closureSerializer, t), updates);
        state = TaskState.FAILED;
      }
      ByteBuffer data;
      try {
        data = closureSerializer.serialize(new TaskFailure(reason, metrics));
      } catch (RuntimeException e) {
        data = closureSerializer.serialize(new TaskFailure(new TaskEndReason.ExceptionFailure(
            t.getClass().getName(), String.valueOf(t.getMessage()), stackTraceOf(t), null, List.of()), metrics));
      }
      backend.statusUpdate(description.taskId(), state, data);
    }
  }

  /** Measures one task attempt's time, CPU and GC from the executor thread, for its metrics. */
  private static final class MetricsClock {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private final long gcBefore = totalGcTimeMs();
    private final boolean cpuSupported = THREADS.isCurrentThreadCpuTimeSupported();
    private final long cpuBefore = cpuSupported ? THREADS.getCurrentThreadCpuTime() : 0;
    private final long start = System.currentTimeMillis();
    private long deserialized;

    void deserialized() {
      deserialized = System.currentTimeMillis();
    }

    /** The task's metrics with times filled in; fresh metrics if the task never got a context. */
    TaskMetrics fill(Task<?> task) {
      TaskMetrics metrics = task != null && task.context() != null ? task.context().taskMetrics() : new TaskMetrics();
      long now = System.currentTimeMillis();
      long deserializedAt = deserialized == 0 ? now : deserialized;
      long binary = task == null ? 0 : task.binaryDeserializeTimeMs();
      metrics.setExecutorDeserializeTimeMs(deserializedAt - start + binary);
      metrics.setExecutorRunTimeMs(Math.max(0, now - deserializedAt - binary));
      metrics.setJvmGcTimeMs(totalGcTimeMs() - gcBefore);
      if (cpuSupported) {
        metrics.setExecutorCpuTimeNs(THREADS.getCurrentThreadCpuTime() - cpuBefore);
      }
      return metrics;
    }
  }

  private static Throwable serializableOrNull(SerializerInstance serializer, Throwable t) {
    try {
      serializer.serialize(t);
      return t;
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static boolean isInterruptCaused(Throwable t) {
    return findCause(t, InterruptedException.class) != null
        || findCause(t, java.nio.channels.ClosedByInterruptException.class) != null;
  }

  private static <E extends Throwable> E findCause(Throwable t, Class<E> type) {
    for (Throwable cause = t; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return type.cast(cause);
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return null;
  }

  private static String stackTraceOf(Throwable t) {
    StringWriter out = new StringWriter();
    t.printStackTrace(new PrintWriter(out));
    return out.toString();
  }

  private static long totalGcTimeMs() {
    long total = 0;
    for (GarbageCollectorMXBean gc : GARBAGE_COLLECTORS) {
      total += Math.max(0, gc.getCollectionTime());
    }
    return total;
  }

  private static byte[] toArray(ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.duplicate().get(bytes);
    return bytes;
  }
}

package dev.ember.sql;

import dev.ember.EmberConf;
import dev.ember.sql.execution.columnar.CollectedRelation;
import dev.ember.sql.execution.joinfilter.KeyFilter;
import dev.ember.sql.execution.joinfilter.RuntimeFilter;
import dev.ember.sql.execution.reuse.SubplanMatcher;
import dev.ember.sql.execution.vector.ColumnarBatch;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.sql.plan.Project;
import dev.ember.sql.plan.Statistics;
import dev.ember.sql.plan.expressions.AttributeReference;
import dev.ember.sql.plan.expressions.Expression;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What one query's runtime join filters have built so far ({@link RuntimeFilterExecution}): each creation side
 * (a plan and its key) runs once, however many filters read its keys; and a creation side that is also a subplan
 * of the query, typically the other side of the join the filter came from, keeps its whole output on the driver
 * when its estimate and its output are at most {@code ember.sql.execution.reuseCreationSide.maxBytes} (default
 * 10m, Spark's broadcast threshold; 0 switches it off), so the query reads those batches
 * ({@link CollectedRelation}) instead of running it again. Safe to use from the threads that build filters at the
 * same time: a creation side asked for while another thread runs it is waited for.
 */
final class CreationSides {

  /** The largest estimated size of a creation side whose whole output is kept for the query to read. */
  static final String MAX_BYTES_KEY = "ember.sql.execution.reuseCreationSide.maxBytes";

  /**
   * The keys a creation side produced.
   *
   * @param filter the filter of its keys, or {@code null} when there were more than the session's most
   * @param keys how many keys (with duplicates) it produced, counted up to one more than the session's most
   */
  record Keys(KeyFilter filter, long keys) {}

  private record Side(LogicalPlan plan, AttributeReference key) {}

  private final Map<RuntimeFilter, Expression> built = new ConcurrentHashMap<>();
  private final Map<Side, CompletableFuture<Keys>> keys = new ConcurrentHashMap<>();
  private final Map<LogicalPlan, CompletableFuture<List<ColumnarBatch>>> wholes = new ConcurrentHashMap<>();
  private final Map<LogicalPlan, LogicalPlan> wanted = new ConcurrentHashMap<>();
  private final Map<LogicalPlan, CollectedRelation> collected = new ConcurrentHashMap<>();
  private final long maxKeys;
  private final long maxBytes;

  CreationSides(long maxKeys, long maxBytes) {
    this.maxKeys = maxKeys;
    this.maxBytes = maxBytes;
  }

  /** The session's bound on the estimated size of a creation side kept whole. */
  static long maxBytes(EmberSession session) {
    EmberConf conf = new EmberConf(false);
    session.conf().getAll().forEach(conf::set);
    return conf.getSizeAsBytes(MAX_BYTES_KEY, "10m");
  }

  long maxKeys() {
    return maxKeys;
  }

  /** The filters built so far, each as the predicate (or TRUE) that replaced it. */
  Map<RuntimeFilter, Expression> built() {
    return built;
  }

  /**
   * Marks the creation plans of {@code filters} that are also subplans of {@code plan} (not counting the plans
   * inside expressions), deterministic and likely small, to be kept whole when they run: each with the columns
   * the plan reads of it, the projection above it where that projection keeps the filter's key.
   */
  void markShared(LogicalPlan plan, Set<RuntimeFilter> filters) {
    if (maxBytes <= 0 || filters.isEmpty()) {
      return;
    }
    Map<LogicalPlan, LogicalPlan> parents = new IdentityHashMap<>();
    List<LogicalPlan> subplans = new ArrayList<>();
    collectSubplans(plan, null, subplans, parents);
    for (RuntimeFilter filter : filters) {
      LogicalPlan creation = filter.creationPlan();
      int at = wanted.containsKey(creation) ? -1 : subplans.indexOf(creation);
      if (at < 0 || !SubplanMatcher.deterministic(creation)) {
        continue;
      }
      LogicalPlan target = parents.get(subplans.get(at)) instanceof Project project
          && project.projectList().stream().allMatch(e -> e instanceof AttributeReference)
          && project.output().contains(filter.creationKey()) ? project : creation;
      long bytes = Statistics.expectedSizeInBytes(target);
      if (bytes != Statistics.UNKNOWN && bytes <= maxBytes) {
        wanted.putIfAbsent(creation, target);
      }
    }
  }

  private static void collectSubplans(LogicalPlan plan, LogicalPlan parent, List<LogicalPlan> out,
      Map<LogicalPlan, LogicalPlan> parents) {
    out.add(plan);
    if (parent != null) {
      parents.put(plan, parent);
    }
    for (LogicalPlan child : plan.children()) {
      collectSubplans(child, plan, out, parents);
    }
  }

  /**
   * The plan to run for {@code creation}'s keys when its output is to be kept whole: {@code creation} or the
   * projection the query reads it through; {@code null} when only its keys are to be run.
   */
  LogicalPlan wholeTarget(LogicalPlan creation) {
    return wanted.get(creation);
  }

  /**
   * Keeps {@code relation}, the whole output of {@code target}, for the plans that hold {@code target}, unless
   * it came out larger than the bound: the plans then run {@code target} again, in parallel tasks, rather than
   * ship its batches from the driver.
   */
  void keep(LogicalPlan target, CollectedRelation relation) {
    if (relation.sizeInBytes() <= maxBytes) {
      collected.put(target, relation);
    }
  }

  /** The keys of {@code filter}'s creation side: {@code run}'s, the first time that side is asked for. */
  Keys keys(RuntimeFilter filter, Supplier<Keys> run) {
    return once(keys, new Side(filter.creationPlan(), filter.creationKey()), run);
  }

  /** The keys {@code filter}'s creation side produced, or {@code null} when it has not run (or failed). */
  Keys ranKeys(RuntimeFilter filter) {
    CompletableFuture<Keys> ran = keys.get(new Side(filter.creationPlan(), filter.creationKey()));
    return ran != null && ran.isDone() && !ran.isCompletedExceptionally() ? ran.join() : null;
  }

  /**
   * The batches of the whole output of {@code creation}'s {@linkplain #wholeTarget target}: {@code run}'s, the
   * first time any filter of {@code creation} asks, whatever its key; {@code null} when the target could not run
   * whole.
   */
  List<ColumnarBatch> whole(LogicalPlan creation, Supplier<List<ColumnarBatch>> run) {
    return once(wholes, creation, run);
  }

  /** {@code run}'s answer for {@code key}, run by the first thread to ask; the others wait for it. */
  private static <K, V> V once(Map<K, CompletableFuture<V>> answers, K key, Supplier<V> run) {
    CompletableFuture<V> mine = new CompletableFuture<>();
    CompletableFuture<V> running = answers.putIfAbsent(key, mine);
    if (running != null) {
      try {
        return running.join();
      } catch (CompletionException e) {
        throw e.getCause() instanceof RuntimeException cause ? cause : e;
      }
    }
    try {
      V result = run.get();
      mine.complete(result);
      return result;
    } catch (RuntimeException | Error e) {
      mine.completeExceptionally(e);
      throw e;
    }
  }

  /** {@code plan} with each subplan kept whole read from the driver's batches instead of run again. */
  LogicalPlan readCollected(LogicalPlan plan) {
    return collected.isEmpty() ? plan : plan.replaceOutermost(collected::get);
  }
}

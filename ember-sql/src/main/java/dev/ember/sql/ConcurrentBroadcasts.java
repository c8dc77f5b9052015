package dev.ember.sql;

import dev.ember.sql.execution.ExecutionContext;
import dev.ember.sql.execution.PhysicalPlan;
import dev.ember.sql.execution.join.BroadcastBuildSides;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects a plan's broadcast build sides at the same time before the plan runs ({@link ParallelBuilds}), as
 * Spark starts all broadcast exchanges of a plan together: each is a small job, often of one task over a small
 * table, which run one after another as the joins build their RDDs would leave the other cores idle. The
 * collections run under the query's job group, so cancelling the group cancels them; the first failure fails
 * the query as a failing broadcast did before.
 */
final class ConcurrentBroadcasts {

  private ConcurrentBroadcasts() {}

  /** Collects the build sides of {@code plan}'s broadcast joins into {@code context}, up to {@code maxThreads}. */
  static void collectAhead(PhysicalPlan plan, ExecutionContext context, int maxThreads) {
    List<PhysicalPlan> builds = BroadcastBuildSides.of(plan);
    if (builds.size() < 2 || maxThreads < 2) {
      return;
    }
    List<Runnable> steps = new ArrayList<>();
    for (PhysicalPlan build : builds) {
      steps.add(context.broadcasts().prepare(build, context));
    }
    ParallelBuilds.runAll(steps, maxThreads);
  }
}

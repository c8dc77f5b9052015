package dev.ember.sql.execution.columnar;

import dev.ember.sql.execution.PhysicalPlan;
import dev.ember.sql.plan.LogicalPlan;
import dev.ember.storage.StorageLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The session's cached plans, as Spark's CacheManager: {@code Dataset.cache()} and {@code CACHE TABLE} register
 * an analyzed plan, and every query is rewritten, before optimization, to read an {@link InMemoryRelation}
 * wherever a registered plan appears in it (compared by plan equality, which holds for the same Dataset and
 * for every query over the same view).
 */
public final class CacheManager {

  private static final Logger LOG = LoggerFactory.getLogger(CacheManager.class);

  /** One cached plan and its data. */
  private record Entry(LogicalPlan plan, InMemoryRelation relation) {}

  private final List<Entry> entries = new CopyOnWriteArrayList<>();

  /**
   * Caches {@code analyzed} at {@code level}, unless it is cached already.
   *
   * @param planner turns the plan (already using other cached data) into the physical plan to cache
   * @return the cached relation
   */
  public synchronized InMemoryRelation cache(LogicalPlan analyzed, StorageLevel level,
      Function<LogicalPlan, PhysicalPlan> planner) {
    Optional<InMemoryRelation> existing = lookup(analyzed);
    if (existing.isPresent()) {
      LOG.warn("Asked to cache already cached data.");
      return existing.get();
    }
    PhysicalPlan physical = planner.apply(useCachedData(analyzed));
    InMemoryRelation relation = new InMemoryRelation(analyzed.output(), new CachedBatches(physical, level));
    entries.add(new Entry(analyzed, relation));
    return relation;
  }

  /** The cached relation of {@code analyzed}, if it is cached. */
  public Optional<InMemoryRelation> lookup(LogicalPlan analyzed) {
    for (Entry entry : entries) {
      if (entry.plan().equals(analyzed)) {
        return Optional.of(entry.relation());
      }
    }
    return Optional.empty();
  }

  /** Drops the cache of {@code analyzed}; whether it was cached. */
  public synchronized boolean uncache(LogicalPlan analyzed) {
    for (Entry entry : entries) {
      if (entry.plan().equals(analyzed)) {
        entries.remove(entry);
        entry.relation().cachedBatches().unpersist();
        return true;
      }
    }
    return false;
  }

  /** Drops every cache. */
  public synchronized void clear() {
    List<Entry> all = new ArrayList<>(entries);
    entries.clear();
    for (Entry entry : all) {
      entry.relation().cachedBatches().unpersist();
    }
  }

  /** Whether nothing is cached. */
  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /** {@code plan} with every cached subtree replaced by its {@link InMemoryRelation}, outermost first. */
  public LogicalPlan useCachedData(LogicalPlan plan) {
    if (entries.isEmpty()) {
      return plan;
    }
    return plan.replaceOutermost(node -> lookup(node).orElse(null));
  }
}

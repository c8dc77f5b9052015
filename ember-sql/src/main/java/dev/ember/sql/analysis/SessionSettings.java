package dev.ember.sql.analysis;

import dev.ember.sql.plan.expressions.BinaryArithmetic;
import dev.ember.sql.plan.expressions.Cast;
import dev.ember.sql.plan.expressions.Expression;
import dev.ember.sql.plan.expressions.ScalarFunction;
import java.time.ZoneId;

/**
 * The session settings that change what an expression means: ANSI mode ({@code spark.sql.ansi.enabled}), the
 * session time zone ({@code spark.sql.session.timeZone}) and the query's start time, which
 * {@code current_timestamp()} returns for the whole query. The analyzer makes them current on its thread
 * while it resolves a plan (as Spark's active SQLConf), and writes them into the expressions that need them,
 * so tasks carry them without the session.
 *
 * @param ansi whether ANSI mode is on
 * @param timeZone the session time zone id
 * @param queryStartMicros the query's start, microseconds since the epoch
 * @param currentDatabase the session's current database, which {@code current_database()} returns
 */
public record SessionSettings(boolean ansi, String timeZone, long queryStartMicros, String currentDatabase) {

  private static final ThreadLocal<SessionSettings> CURRENT = new ThreadLocal<>();

  /** Non-ANSI settings in the JVM's time zone, starting now. */
  public static SessionSettings defaults() {
    return new SessionSettings(false, ZoneId.systemDefault().getId(), nowMicros(), "default");
  }

  /** The current time in microseconds since the epoch. */
  public static long nowMicros() {
    java.time.Instant now = java.time.Instant.now();
    return now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
  }

  /** The settings of the analysis running on this thread, or the defaults. */
  static SessionSettings current() {
    SessionSettings settings = CURRENT.get();
    return settings == null ? defaults() : settings;
  }

  /** Makes {@code settings} current on this thread; returns the previous ones to restore. */
  static SessionSettings enter(SessionSettings settings) {
    SessionSettings previous = CURRENT.get();
    CURRENT.set(settings);
    return previous;
  }

  /** Restores what {@link #enter} returned. */
  static void restore(SessionSettings previous) {
    if (previous == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(previous);
    }
  }

  /** {@code e} with the current settings written into its casts, arithmetic and functions. */
  static Expression apply(Expression e) {
    SessionSettings settings = current();
    return e.transformUp(node -> {
      if (node instanceof Cast c && c.timeZone() == null) {
        return new Cast(c.child(), c.dataType(), settings.ansi(), settings.timeZone());
      }
      if (node instanceof BinaryArithmetic a && a.ansi() != settings.ansi()) {
        return new BinaryArithmetic(a.operator(), a.left(), a.right(), settings.ansi());
      }
      if (node instanceof ScalarFunction f && f.timeZone() == null) {
        return new ScalarFunction(f.name(), f.arguments(), f.dataType(), settings.ansi(), settings.timeZone());
      }
      return node;
    });
  }
}

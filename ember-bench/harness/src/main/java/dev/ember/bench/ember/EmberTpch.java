package dev.ember.bench.ember;

import dev.ember.bench.tpch.TpchQueryRunner;
import java.util.Optional;

/**
 * Finds Ember's TPC-H runner, which exists once Ember has SQL.
 *
 * <p>Ember takes part in the tpch workload as soon as the class {@code dev.ember.sql.EmberSession} is
 * on the classpath: then this loads {@value #RUNNER_CLASS}, a {@link TpchQueryRunner} with a
 * constructor taking the thread count, written against ember-sql (and added with the ember-sql
 * dependency of this module). Until then the workload is reported as "not yet".
 */
public final class EmberTpch {

  /** The class whose presence says Ember has SQL. */
  static final String SESSION_CLASS = "dev.ember.sql.EmberSession";
  /** The TPC-H runner written against ember-sql. */
  static final String RUNNER_CLASS = "dev.ember.bench.ember.EmberSqlTpchRunner";

  private EmberTpch() {
  }

  /** Ember's TPC-H runner, or empty while Ember has no SQL. */
  public static Optional<TpchQueryRunner> create(int threads) throws ReflectiveOperationException {
    if (!present(SESSION_CLASS) || !present(RUNNER_CLASS)) {
      return Optional.empty();
    }
    Class<?> runner = Class.forName(RUNNER_CLASS);
    return Optional.of((TpchQueryRunner) runner.getConstructor(int.class).newInstance(threads));
  }

  private static boolean present(String className) {
    try {
      Class.forName(className, false, EmberTpch.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}

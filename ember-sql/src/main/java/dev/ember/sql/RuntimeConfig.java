package dev.ember.sql;

import dev.ember.EmberConf;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The session's runtime configuration, Spark's {@code spark.conf}: starts as the context's settings and is
 * changed by {@code SET key=value} and {@link #set}. Keys are stored in canonical {@code ember.*} form, so
 * {@code spark.sql.shuffle.partitions} and {@code ember.sql.shuffle.partitions} are one setting. SQL settings
 * read per query (such as the shuffle partitions) take effect on the next query.
 *
 * <pre>{@code
 * session.conf().set("spark.sql.shuffle.partitions", "4");
 * }</pre>
 */
public final class RuntimeConfig {

  private final Map<String, String> initial;
  private final Map<String, String> settings = new ConcurrentHashMap<>();

  RuntimeConfig(EmberConf conf) {
    this.initial = Map.copyOf(conf.getAll());
    settings.putAll(initial);
  }

  /** Sets {@code key} (an {@code ember.*} or {@code spark.*} key) for this session. */
  public void set(String key, String value) {
    settings.put(EmberConf.canonicalKey(key), value);
  }

  /** Sets {@code key} to a number or boolean. */
  public void set(String key, long value) {
    set(key, String.valueOf(value));
  }

  /** The value of {@code key}; fails with {@code SQL_CONF_NOT_FOUND} when it is not set. */
  public String get(String key) {
    return getOption(key).orElseThrow(() -> new AnalysisException("SQL_CONF_NOT_FOUND",
        Map.of("sqlConf", key)));
  }

  /** The value of {@code key}, or {@code defaultValue} when it is not set. */
  public String get(String key, String defaultValue) {
    return getOption(key).orElse(defaultValue);
  }

  /** The value of {@code key}, if set. */
  public Optional<String> getOption(String key) {
    return Optional.ofNullable(settings.get(EmberConf.canonicalKey(key)));
  }

  /** Whether {@code key} is set. */
  public boolean contains(String key) {
    return settings.containsKey(EmberConf.canonicalKey(key));
  }

  /** Removes the session's value of {@code key}, back to the context's value if it had one. */
  public void unset(String key) {
    String canonical = EmberConf.canonicalKey(key);
    String original = initial.get(canonical);
    if (original == null) {
      settings.remove(canonical);
    } else {
      settings.put(canonical, original);
    }
  }

  /** Every setting back to the context's value ({@code RESET}). */
  public void reset() {
    settings.clear();
    settings.putAll(initial);
  }

  /** Every setting, sorted by key. */
  public Map<String, String> getAll() {
    return new TreeMap<>(settings);
  }

  /** Whether {@code key} may be changed while the session runs: SQL settings may, core ones may not. */
  public boolean isModifiable(String key) {
    return EmberConf.canonicalKey(key).startsWith("ember.sql.");
  }

  int getInt(String key, int defaultValue) {
    String value = settings.get(EmberConf.canonicalKey(key));
    if (value == null) {
      return defaultValue;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new AnalysisException("INVALID_CONF_VALUE.TYPE_MISMATCH", Map.of("confName", key,
          "confValue", value, "confType", "int"));
    }
  }
}

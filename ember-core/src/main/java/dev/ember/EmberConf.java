package dev.ember;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Configuration of an Ember application: key-value pairs under {@code ember.*}. The familiar {@code spark.*}
 * keys are accepted as aliases: {@code spark.executor.memory} and {@code ember.executor.memory} name the same
 * setting, and whichever is set last wins.
 *
 * <p>JVM system properties starting with {@code ember.} or {@code spark.} are loaded when the configuration is
 * created with {@code new EmberConf()}, so {@code -Dspark.default.parallelism=8} works as in Spark.
 *
 * <pre>{@code
 * EmberConf conf = new EmberConf().setMaster("local[4]").setAppName("wordcount").set("spark.executor.memory", "2g");
 * }</pre>
 */
public final class EmberConf implements Serializable, Cloneable {

  private static final long serialVersionUID = 1L;
  private static final String EMBER_PREFIX = "ember.";
  private static final String SPARK_PREFIX = "spark.";

  private final Map<String, String> settings = new LinkedHashMap<>();

  /** Creates a configuration holding the {@code ember.*} and {@code spark.*} JVM system properties. */
  public EmberConf() {
    this(true);
  }

  /** Creates a configuration, loading the JVM system properties only if {@code loadDefaults}. */
  public EmberConf(boolean loadDefaults) {
    if (loadDefaults) {
      for (String name : System.getProperties().stringPropertyNames()) {
        if (name.startsWith(EMBER_PREFIX) || name.startsWith(SPARK_PREFIX)) {
          set(name, System.getProperty(name));
        }
      }
    }
  }

  /**
   * The canonical form of a key: {@code spark.x} becomes {@code ember.x}; other keys are kept as they are.
   */
  public static String canonicalKey(String key) {
    if (key.startsWith(SPARK_PREFIX)) {
      return EMBER_PREFIX + key.substring(SPARK_PREFIX.length());
    }
    return key;
  }

  /** Sets {@code key} (an {@code ember.*} or {@code spark.*} key) to {@code value}. */
  public synchronized EmberConf set(String key, String value) {
    if (key == null) {
      throw new IllegalArgumentException("A configuration key cannot be null.");
    }
    if (value == null) {
      throw new IllegalArgumentException("The value of configuration key '" + key + "' cannot be null.");
    }
    settings.put(canonicalKey(key), value);
    return this;
  }

  /** Sets {@code key} only if it has no value yet. */
  public synchronized EmberConf setIfMissing(String key, String value) {
    if (!contains(key)) {
      set(key, value);
    }
    return this;
  }

  /** Sets the master URL: {@code local}, {@code local[N]}, {@code local[*]}, {@code local[N,F]}. */
  public EmberConf setMaster(String master) {
    return set("ember.master", master);
  }

  /** Sets the application's name, shown in logs and in the UI. */
  public EmberConf setAppName(String name) {
    return set("ember.app.name", name);
  }

  /** Removes {@code key}. */
  public synchronized EmberConf remove(String key) {
    settings.remove(canonicalKey(key));
    return this;
  }

  /** Whether {@code key} has a value. */
  public synchronized boolean contains(String key) {
    return settings.containsKey(canonicalKey(key));
  }

  /** The value of {@code key}; fails with a message naming the key if it is not set. */
  public synchronized String get(String key) {
    String value = settings.get(canonicalKey(key));
    if (value == null) {
      throw new java.util.NoSuchElementException("Configuration key '" + key + "' is not set.");
    }
    return value;
  }

  /** The value of {@code key}, or {@code defaultValue} if it is not set. */
  public synchronized String get(String key, String defaultValue) {
    return settings.getOrDefault(canonicalKey(key), defaultValue);
  }

  /** The value of {@code key}, if set. */
  public synchronized Optional<String> getOption(String key) {
    return Optional.ofNullable(settings.get(canonicalKey(key)));
  }

  /** The value of {@code key} as an int. */
  public int getInt(String key, int defaultValue) {
    String value = get(key, null);
    return value == null ? defaultValue : parse(key, value, Integer::parseInt);
  }

  /** The value of {@code key} as a long. */
  public long getLong(String key, long defaultValue) {
    String value = get(key, null);
    return value == null ? defaultValue : parse(key, value, Long::parseLong);
  }

  /** The value of {@code key} as a double. */
  public double getDouble(String key, double defaultValue) {
    String value = get(key, null);
    return value == null ? defaultValue : parse(key, value, Double::parseDouble);
  }

  /** The value of {@code key} as a boolean ({@code true} or {@code false}, any case). */
  public boolean getBoolean(String key, boolean defaultValue) {
    String value = get(key, null);
    if (value == null) {
      return defaultValue;
    }
    String trimmed = value.trim();
    if (trimmed.equalsIgnoreCase("true")) {
      return true;
    }
    if (trimmed.equalsIgnoreCase("false")) {
      return false;
    }
    throw new IllegalArgumentException(
        "Configuration key '" + key + "' must be true or false, but is '" + value + "'.");
  }

  /**
   * The value of {@code key} as a size in bytes. Plain numbers are bytes unless {@code defaultUnit} says
   * otherwise; suffixes {@code k, m, g, t} (with an optional {@code b}) name the unit, as in Spark.
   */
  public long getSizeAsBytes(String key, String defaultValue) {
    String value = get(key, defaultValue);
    return parse(key, value, v -> ByteSizes.parse(v, 1L));
  }

  /** The value of {@code key} as a size in mebibytes; plain numbers are mebibytes, as Spark reads memory keys. */
  public long getSizeAsMb(String key, String defaultValue) {
    String value = get(key, defaultValue);
    return parse(key, value, v -> ByteSizes.parse(v, 1024L * 1024L)) / (1024L * 1024L);
  }

  /** The value of {@code key} as a duration in milliseconds ({@code 500ms}, {@code 10s}, {@code 2min}, {@code 1h}). */
  public long getTimeAsMs(String key, String defaultValue) {
    String value = get(key, defaultValue);
    return parse(key, value, Durations::parseMillis);
  }

  /** The master URL, or {@code local[*]} if none is set. */
  public String master() {
    return get("ember.master", "local[*]");
  }

  /** The application name, or {@code "Ember application"} if none is set. */
  public String appName() {
    return get("ember.app.name", "Ember application");
  }

  /** All settings, sorted by key, in their canonical ({@code ember.*}) form. */
  public synchronized Map<String, String> getAll() {
    return Map.copyOf(new TreeMap<>(settings));
  }

  @Override
  public synchronized EmberConf clone() {
    EmberConf copy = new EmberConf(false);
    copy.settings.putAll(settings);
    return copy;
  }

  /** One {@code key=value} line per setting, sorted, for logs. */
  public String toDebugString() {
    StringBuilder out = new StringBuilder();
    new TreeMap<>(getAll()).forEach((k, v) -> out.append(k).append('=').append(v).append('\n'));
    return out.toString();
  }

  private static <T> T parse(String key, String value, java.util.function.Function<String, T> parser) {
    try {
      return parser.apply(value.trim());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "Configuration key '" + key + "' has an invalid value '" + value + "': " + e.getMessage(), e);
    }
  }
}

package dev.ember.sql.plan;

/**
 * {@code SET}, {@code SET key} or {@code SET key=value}: lists, shows or changes session settings.
 *
 * @param key the setting, or {@code null} for {@code SET} alone (list every setting)
 * @param value the new value, or {@code null} to show the current one
 */
public record SetCommand(String key, String value) implements Command {
}

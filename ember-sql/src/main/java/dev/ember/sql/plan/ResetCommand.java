package dev.ember.sql.plan;

/**
 * {@code RESET} or {@code RESET key}: puts session settings back to their values at start-up.
 *
 * @param key the setting, or {@code null} for all of them
 */
public record ResetCommand(String key) implements Command {
}

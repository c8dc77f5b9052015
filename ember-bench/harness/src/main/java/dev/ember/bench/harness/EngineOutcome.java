package dev.ember.bench.harness;

import java.util.List;
import java.util.Map;

/**
 * What one child process reported, as the harness saw it.
 *
 * @param status ok, not-yet or error
 * @param timingsMs timings by metric; for startup the harness adds {@code wall}, from launch to the
 *     result line
 * @param answer the numbers to compare across engines
 * @param peakRssKb the child's peak resident set in KiB, or -1
 * @param error what went wrong, or empty
 */
record EngineOutcome(String status, Map<String, Double> timingsMs, List<Double> answer, long peakRssKb,
    String error) {
}

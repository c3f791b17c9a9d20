package org.creditstress.scenario;

/** Optional outputs. */
public record Outputs(boolean charts, boolean segmentMetrics) {
}

package org.creditstress.scenario;

/** Optional outputs. */
public record Outputs(boolean charts, boolean segmentMetrics, boolean rollRates, boolean vintages) {
}

package org.creditstress.scenario;

/** Optional outputs. */
public record OutputsSpec(boolean charts, boolean segmentMetrics, boolean rollRates, boolean vintages) {
}

/**
 * The PNG charts of a run (fan charts, delinquency buckets, vintages, attribution bars), drawn
 * from a results folder's {@code metrics.csv} and {@code summary.csv}, with one chart style and
 * one way to write a PNG ({@link org.creditstress.report.chart.ChartFiles}). Part of the report
 * layer (5): may depend on {@code run} (the stored results) and {@code metric}; never on {@code
 * bench} or {@code cli}.
 */
package org.creditstress.report.chart;

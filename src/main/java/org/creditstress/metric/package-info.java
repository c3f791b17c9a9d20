/**
 * The metrics of {@code metrics.csv}, each declared once with its unit and meaning in the {@link
 * org.creditstress.metric.MetricRegistry}, and {@link org.creditstress.metric.MonthView}, the
 * interface through which metrics read a finished month; the model implements it, so metrics never
 * see agents. Bottom layer (1): depends on no other package of the tool.
 */
package org.creditstress.metric;

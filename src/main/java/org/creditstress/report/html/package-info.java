/**
 * Self-contained HTML reports: the page builder, the report of one run or of any results folder,
 * the chart kit the experiment charts share, and how values are shown to people (percent,
 * percentage points). Part of the report layer (5): may depend on {@code experiment}, {@code run},
 * {@code metric} and {@code scenario}; never on {@code bench} or {@code cli}.
 */
package org.creditstress.report.html;

/**
 * Output for people, rendered from results (a {@link org.creditstress.run.RunResult} or a stored
 * results folder): headline figures, borrower trace stories and the reference docs generated from
 * the scenario schema and the metric registry. Subpackages draw the charts ({@code report.chart}),
 * write the HTML reports ({@code report.html}) and render each experiment's tables, charts and
 * pages ({@code report.experiment}). Layer 5: may depend on {@code experiment}, {@code run},
 * {@code model}, {@code scenario}, {@code metric} and {@code network}; never on {@code bench} or
 * {@code cli}.
 */
package org.creditstress.report;

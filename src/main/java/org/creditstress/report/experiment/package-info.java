/**
 * What the experiment commands show and leave for people: the charts, text tables, {@code
 * report.html} and result tables of a comparison, a sweep, a sensitivity analysis, a calibration
 * and a reverse stress test, rendered from the results the {@code experiment} package computed.
 * Part of the report layer (5): may depend on {@code experiment}, {@code run}, {@code metric} and
 * {@code scenario}; never on {@code bench} or {@code cli}.
 */
package org.creditstress.report.experiment;

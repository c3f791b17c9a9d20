/**
 * The steady-state check: a scenario run with its economy held flat, and how far its overdue
 * ratios, charge-offs and receivables move between the second and the last year.
 */
package org.creditstress.experiment.steady;

/**
 * Reverse stress testing: the smallest value of a scenario key at which a condition on the outcome
 * holds with a given probability, found by monotone bisection with binomial confidence intervals.
 * Part of the experiment layer (4): may depend on {@code run}, {@code scenario} and {@code
 * metric}.
 */
package org.creditstress.experiment.stress;

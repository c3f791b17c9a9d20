/**
 * Comparison of scenarios on common random numbers: each headline expression's distribution per
 * scenario and its paired difference against the reference scenario, and the plan of what is
 * compared. Part of the experiment layer (4): may depend on {@code run}, {@code scenario} and
 * {@code metric}.
 */
package org.creditstress.experiment.compare;

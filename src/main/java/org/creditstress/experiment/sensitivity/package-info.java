/**
 * Global sensitivity analysis of metric expressions to scenario keys: Morris elementary effects
 * and Sobol indices over a design of model runs. Part of the experiment layer (4): may depend on
 * {@code run}, {@code scenario} and {@code metric}.
 */
package org.creditstress.experiment.sensitivity;

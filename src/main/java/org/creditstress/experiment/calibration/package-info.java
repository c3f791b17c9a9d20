/**
 * Calibration: finds scenario key values that make the model match target values or target series
 * (a bounded minimizer over the model's fit). Part of the experiment layer (4): may depend on
 * {@code run}, {@code scenario} and {@code metric}.
 */
package org.creditstress.experiment.calibration;

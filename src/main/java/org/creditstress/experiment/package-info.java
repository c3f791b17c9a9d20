/**
 * Experiments on the model, each computing and returning its results: comparisons, sweeps, channel
 * attribution, sensitivity analysis, calibration and reverse stress tests (one subpackage each).
 * This package holds what they share: {@link org.creditstress.experiment.ParameterRange} (a
 * scenario key and the range it is varied over), {@link
 * org.creditstress.experiment.ModelEvaluator} (runs the model at a parameter value) and the
 * plain-text tables they print. Experiments may store their result files through {@code
 * run.store}; charts and HTML are the report package's. Layer 4: may depend on {@code run}, {@code
 * model}, {@code scenario}, {@code metric} and {@code network}; never on {@code report}, {@code
 * bench} or {@code cli}.
 */
package org.creditstress.experiment;

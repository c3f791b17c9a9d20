/**
 * Backtests: the model's monthly series aggregated to the frequency of an observed history
 * (quarterly or monthly) and measured against it over a fit and a test window (RMSE, peak height and
 * timing, correlation of changes, elasticity to unemployment). Part of the experiment layer (4): may
 * depend on {@code run}, {@code scenario} and {@code metric}.
 */
package org.creditstress.experiment.backtest;

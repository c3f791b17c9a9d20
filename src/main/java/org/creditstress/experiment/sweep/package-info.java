/**
 * Sweeps: a base scenario run at many points of a grid or sampled design of key values, each point
 * streamed to its own results folder as it finishes, resumable from the folder's manifest. Part of
 * the experiment layer (4): may depend on {@code run} (running points and storing their folders),
 * {@code scenario} and {@code metric}; its report is passed in by the caller.
 */
package org.creditstress.experiment.sweep;

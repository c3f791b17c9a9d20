package org.creditstress.cli;

import org.creditstress.experiment.ModelEvaluator;
import org.creditstress.experiment.sweep.Sweep;

/**
 * Where the commands that run many models make their runs: {@link #LOCAL}, this JVM's threads (the
 * command line), or a cluster when the Spark entry point ({@code org.creditstress.spark.SparkMain})
 * starts the command line.
 *
 * @param sweepPoints  runs the pending points of {@code sweep}
 * @param evaluations  makes the model runs of {@code sensitivity} and {@code calibrate}; null for this JVM's threads
 */
public record Backends(Sweep.PointRunner sweepPoints, ModelEvaluator.Runs evaluations) {
    public static final Backends LOCAL = new Backends(Sweep.PointRunner.LOCAL, null);

    public Backends {
        if (sweepPoints == null) {
            throw new IllegalArgumentException("sweepPoints is required (Sweep.PointRunner.LOCAL for this JVM)");
        }
    }
}

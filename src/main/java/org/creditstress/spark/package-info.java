/**
 * Sweeps, sensitivity analyses and calibrations on a Spark cluster ({@link
 * org.creditstress.spark.SparkMain}). A sweep: the driver plans and records the sweep exactly as the
 * command line does ({@code experiment.sweep.Sweep}); each pending point runs as one Spark task, a
 * whole point (all its replications) in one executor JVM, never a population spread across
 * machines. The executor sends the point's files back and the driver writes them into the sweep
 * folder, so the folder is the one the local runner writes; the driver also writes the sweep as
 * Parquet ({@link org.creditstress.spark.SparkPointRunner}). Sensitivity and calibrate: every
 * replication of every model run is one task, put together in order on the driver ({@link
 * org.creditstress.spark.SparkRuns}).
 *
 * <p>Spark is a {@code provided} dependency: only this package uses it, nothing else depends on
 * this package ({@code ArchitectureTest}), and the command line runs without Spark on the class
 * path. Top layer (8): may depend on every other package. See docs/spark.md.
 */
package org.creditstress.spark;

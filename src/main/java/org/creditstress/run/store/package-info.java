/**
 * The result store: the files of a results folder and how they are written and read back. {@link
 * org.creditstress.run.store.AtomicFiles} is the one way any file of the tool is written
 * (atomically, shareable permissions); {@link org.creditstress.run.store.RunDirectory} makes a
 * folder appear only when complete; {@link org.creditstress.run.store.ResultsWriter} writes {@code
 * metrics.csv}, {@code summary.csv}, the manifest and the resolved scenario; {@link
 * org.creditstress.run.store.RunFolder} and {@link org.creditstress.run.store.MetricsTable} read
 * them back. Part of the run layer (3): may depend on {@code run}, {@code scenario} and {@code
 * metric}.
 */
package org.creditstress.run.store;

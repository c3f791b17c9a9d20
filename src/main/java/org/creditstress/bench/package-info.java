/**
 * The {@code bench} command's implementation: throughput, heap, whole-run time, naive per-agent
 * scheduling, time per phase and the reference loop, measured on the model with a hand-rolled harness. Layer 6,
 * between the CLI and the reports: may depend on {@code report}, {@code experiment}, {@code run},
 * {@code model}, {@code scenario}, {@code metric} and {@code network}; only {@code cli} depends on
 * it.
 */
package org.creditstress.bench;

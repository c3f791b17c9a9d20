package org.creditstress.run;

/**
 * One finished replication.
 *
 * @param replication index, 0-based
 * @param seed        the replication seed derived from the master seed
 * @param values      metric table [month - 1][metric index], NaN where undefined
 * @param wallNanos   wall time of the replication
 */
public record ReplicationResult(int replication, long seed, double[][] values, long wallNanos) {
}

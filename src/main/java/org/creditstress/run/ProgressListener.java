package org.creditstress.run;

/** Told when each replication starts and ends; the CLI turns this into a progress display. */
public interface ProgressListener {
    void replicationDone(int done, int total, ReplicationResult result);

    ProgressListener NONE = (done, total, result) -> { };
}

package org.creditstress.cli;

import java.io.PrintStream;
import java.util.Locale;
import org.creditstress.run.ProgressListener;
import org.creditstress.run.ReplicationResult;

/**
 * Progress of a run on standard error: a bar redrawn in place on a terminal, one plain line per
 * replication otherwise (no escape codes or carriage returns in logs).
 */
final class Progress implements ProgressListener {
    private static final int WIDTH = 30;
    private final PrintStream out;
    private final boolean terminal;
    private final boolean quiet;

    Progress(PrintStream out, boolean terminal, boolean quiet) {
        this.out = out;
        this.terminal = terminal;
        this.quiet = quiet;
    }

    @Override
    public void replicationDone(int done, int total, ReplicationResult result) {
        if (quiet) {
            return;
        }
        String seconds = String.format(Locale.ROOT, "%.1f s", result.wallNanos() / 1e9);
        if (terminal) {
            int filled = (int) Math.round(WIDTH * (double) done / total);
            out.print("\r[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + done + "/" + total
                    + " replications (last " + seconds + ")");
            if (done == total) {
                out.println();
            }
        } else {
            out.println("replication " + done + "/" + total + " done in " + seconds);
        }
        out.flush();
    }
}

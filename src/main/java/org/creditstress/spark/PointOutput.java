package org.creditstress.spark;

import java.io.Serializable;
import java.util.LinkedHashMap;
import org.creditstress.experiment.sweep.Sweep;
import org.creditstress.experiment.sweep.SweepManifest.PointState;
import org.creditstress.experiment.sweep.SweepManifest.Status;

/**
 * What an executor sends back for one point: its status, error, time and {@code points.csv} means,
 * and, when done, the files of its results folder (path relative to the folder, with {@code /}
 * separators, to bytes), which the driver writes into the sweep folder.
 */
record PointOutput(PointInput input, boolean done, String error, double seconds, String finishedAt, double[] means,
                   LinkedHashMap<String, byte[]> files) implements Serializable {

    static PointOutput of(PointInput input, Sweep.PointRun run, LinkedHashMap<String, byte[]> files) {
        PointState s = run.state();
        return new PointOutput(input, s.status() == Status.DONE, s.error(), s.seconds(), s.finishedAt(), run.means(),
                files);
    }

    /** The point's run as the sweep records it. */
    Sweep.PointRun run() {
        return new Sweep.PointRun(new PointState(input.point(), done ? Status.DONE : Status.FAILED, error, seconds, finishedAt),
                means);
    }
}

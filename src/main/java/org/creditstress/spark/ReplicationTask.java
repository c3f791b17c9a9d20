package org.creditstress.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.function.Function;
import org.creditstress.run.Experiment;
import org.creditstress.run.ReplicationResult;
import org.creditstress.scenario.ScenarioLoader;

/**
 * Runs one replication of one scenario on an executor ({@link Experiment#runReplication}): the
 * scenario file is read there at the driver's path, with the same overrides, so the replication
 * is the one a local run computes.
 */
final class ReplicationTask implements Function<ReplicationTask.Input, ReplicationTask.Output> {
    private static final long serialVersionUID = 1L;

    /** Which run (its index in the batch), which scenario and overrides, which replication. */
    record Input(int run, String scenario, ArrayList<String> overrides, int replication) implements Serializable {
        static Input of(int run, String scenario, List<String> overrides, int replication) {
            return new Input(run, scenario, new ArrayList<>(overrides), replication);
        }
    }

    /** A replication's result: seed, values ([month][metric]) and wall time. */
    record Output(int run, int replication, long seed, double[][] values, long wallNanos) implements Serializable {
        ReplicationResult result() {
            return new ReplicationResult(replication, seed, values, wallNanos);
        }
    }

    private final int threads;

    ReplicationTask(int threads) {
        this.threads = threads;
    }

    @Override
    public Output call(Input in) {
        ReplicationResult r = Experiment.runReplication(ScenarioLoader.load(java.nio.file.Path.of(in.scenario()), in.overrides()),
                in.replication(), threads);
        return new Output(in.run(), r.replication(), r.seed(), r.values(), r.wallNanos());
    }
}

package org.creditstress.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.creditstress.run.ReplicationWatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command that runs the model streams each replication's table to disk (or reduces it to the
 * few numbers it needs) as the replication finishes: at the end of each of its runs, no table of an
 * earlier replication is still reachable, so memory does not grow with the replications. Before
 * this, compare, sweep, attribute, calibrate, reverse-stress, sensitivity and backtest held every
 * replication's table until the end of a run or of the whole command.
 */
class ExperimentMemoryTest {
    private static final String BASELINE = "scenarios/baseline.yaml";
    private static final String SEVERE = "scenarios/severe-downturn.yaml";
    private static final int REPLICATIONS = 6;

    @TempDir
    Path tmp;
    private TempHome home;

    @BeforeEach
    void pointHomeAtTempDir() throws IOException {
        home = new TempHome(tmp.resolve("home"));
    }

    @AfterEach
    void restoreHome() {
        home.close();
    }

    /** A tiny run of the command on one thread (runs one after another), with the given options. */
    private ReplicationWatch watched(String command, List<String> arguments, int expectedRuns) {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(arguments);
        args.addAll(List.of("--set", "population.size=40", "--set", "horizon.months=4", "--set", "horizon.burn_in_months=0",
                "--threads", "1", "--quiet", "--out", tmp.resolve(command).toString()));
        try (ReplicationWatch watch = ReplicationWatch.watch()) {
            CliTest.Result r = CliTest.cli(args.toArray(String[]::new));
            assertEquals(0, r.exitCode(), r.err());
            assertEquals(expectedRuns, watch.runs(), command + ": model runs");
            assertEquals(expectedRuns * REPLICATIONS, watch.replications(), command + ": replications");
            assertEquals(0, watch.mostReachable(), command + ": tables of finished replications still held");
            return watch;
        }
    }

    @Test
    void compareKeepsNoReplicationsTable() throws IOException {
        watched("compare", List.of(BASELINE, SEVERE, "--replications", "" + REPLICATIONS), 2);
        assertEquals(1 + REPLICATIONS * 4, lines(tmp.resolve("compare/baseline/metrics.csv")));
        assertEquals(1 + REPLICATIONS * 4, lines(tmp.resolve("compare/severe-downturn/metrics.csv")));
        assertEquals(1 + 2 * 5, lines(tmp.resolve("compare/comparison.csv")), "two scenarios, five default expressions (two lenders)");
    }

    @Test
    void sweepKeepsNoReplicationsTable() throws IOException {
        watched("sweep", List.of(BASELINE, "--vary", "lenders[0].model_quality=0.5,0.7", "--replications", "" + REPLICATIONS), 2);
        assertEquals(1 + REPLICATIONS * 4, lines(tmp.resolve("sweep/points/p0002/metrics.csv")));
        assertTrue(Files.readString(tmp.resolve("sweep/sweep.csv")).contains("p0002,done"));
    }

    @Test
    void attributeKeepsNoReplicationsTable() throws IOException {
        watched("attribute", List.of(BASELINE, "--channels", "loan_stacking,credit_supply", "--replications", "" + REPLICATIONS), 4);
        assertEquals(1 + REPLICATIONS * 4, lines(tmp.resolve("attribute/all-on/metrics.csv")));
        assertEquals(1 + 4 * 3, lines(tmp.resolve("attribute/attribution.csv")), "four measures for two channels and all");
    }

    @Test
    void calibrateKeepsNoReplicationsTable() throws IOException {
        // 5 evaluations (the least for one parameter), then the fitted run once more for its folder
        watched("calibrate", List.of(BASELINE, "--param", "lenders[0].model_quality=0.4:0.8", "--target", "peak(m3plus_ratio)=0.02",
                "--max-evaluations", "5", "--set", "replications=" + REPLICATIONS), 6);
        assertEquals(1 + REPLICATIONS * 4, lines(tmp.resolve("calibrate/fitted-run/metrics.csv")));
    }

    @Test
    void reverseStressKeepsNoReplicationsTable() throws IOException {
        // the two ends only (the condition holds at the low end already)
        watched("reverse-stress", List.of(BASELINE, "--vary", "lenders[0].model_quality", "--range", "0.4:0.8",
                "--until", "peak(m1plus_ratio) >= 0", "--set", "replications=" + REPLICATIONS), 2);
        assertTrue(Files.readString(tmp.resolve("reverse-stress/points.csv")).lines().count() == 3);
    }

    @Test
    void reverseStressWritesTheThresholdRunByRunningItAgain() throws IOException {
        // The unemployment path is flat at the level: the condition holds from 0.07 on. Two ends, three
        // bisection steps (0.06 wide to 0.01), then the threshold once more for its folder.
        watched("reverse-stress", List.of(BASELINE, "--vary", "economy.unemployment.level", "--range", "0.04:0.1",
                "--until", "peak(unemployment_target) > 0.07", "--tolerance", "0.01", "--set", "replications=" + REPLICATIONS), 6);
        assertEquals(1 + REPLICATIONS * 4, lines(tmp.resolve("reverse-stress/threshold-run/metrics.csv")));
        assertTrue(Files.readString(tmp.resolve("reverse-stress/threshold-run/scenario.resolved.yaml"))
                .contains("level: 0.07"), "the threshold run is at the threshold");
    }

    @Test
    void sensitivityKeepsNoReplicationsTable() throws IOException {
        // Morris, 2 inputs, 2 trajectories: 2 x 3 design points
        watched("sensitivity", List.of(BASELINE, "--input", "lenders[0].model_quality=0.4:0.8", "--input",
                "lenders[1].model_quality=0.4:0.8", "--output", "peak(m3plus_ratio)", "--trajectories", "2",
                "--set", "replications=" + REPLICATIONS), 6);
        assertTrue(Files.exists(tmp.resolve("sensitivity/sensitivity.csv")));
    }

    @Test
    void backtestKeepsNoReplicationsTable() throws IOException {
        Path observed = Files.writeString(tmp.resolve("observed.csv"), "month,m1_pct\n2020-01,4.0\n2020-02,4.1\n2020-03,4.2\n2020-04,4.0\n");
        watched("backtest", List.of(BASELINE, "--observed", observed.toString(), "--map", "m1plus_ratio=m1_pct:percent",
                "--start", "2020-01", "--replications", "" + REPLICATIONS), 1);
        assertEquals(1 + REPLICATIONS * 4, lines(tmp.resolve("backtest/run/metrics.csv")));
    }

    private static long lines(Path file) throws IOException {
        try (Stream<String> s = Files.lines(file)) {
            return s.count();
        }
    }
}

package org.creditstress.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.creditstress.run.ReplicationWatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command that runs the model estimates its memory and time before it starts: what cannot
 * fit in the heap is refused with exit 2 and one line naming {@code replications}, the work and the
 * estimate, writing nothing; what is long says so first.
 */
class ExperimentEstimateTest {
    private static final String BASELINE = "scenarios/baseline.yaml";
    /** 10,000 replications (the most) of 600 months (the most) of one borrower. */
    private static final List<String> BIG = List.of("--set", "population.size=1", "--set", "horizon.months=600",
            "--set", "horizon.burn_in_months=0", "--set", "replications=10000", "--threads", "1", "--quiet");

    @TempDir
    Path tmp;

    private record Forked(int exitCode, String err) {
    }

    /** Runs the command line in a new JVM with a 100 MB heap, home at {@code home}. */
    private static Forked forked(Path home, List<String> args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx100m",
                "-XX:+UseSerialGC", "-Djava.awt.headless=true", "-Dcreditstress.home=" + home, "-cp",
                System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("still running: " + args);
        }
        return new Forked(p.exitValue(), err);
    }

    @Test
    void experimentsThatCannotFitAreRefusedBeforeWritingAnything() throws IOException, InterruptedException {
        Path observed = Files.writeString(tmp.resolve("observed.csv"), "month,m1_pct\n2020-01,4.0\n2020-02,4.1\n");
        List<List<String>> commands = List.of(
                List.of("compare", BASELINE, "scenarios/severe-downturn.yaml"),
                List.of("sweep", BASELINE, "--vary", "lenders[0].model_quality=0.5,0.7"),
                List.of("attribute", BASELINE),
                List.of("calibrate", BASELINE, "--param", "lenders[0].model_quality=0.4:0.8", "--target", "peak(m3plus_ratio)=0.02"),
                List.of("reverse-stress", BASELINE, "--vary", "lenders[0].model_quality", "--range", "0.4:0.8",
                        "--until", "peak(m3plus_ratio) > 0.05"),
                List.of("backtest", BASELINE, "--observed", observed.toString(), "--map", "m1plus_ratio=m1_pct:percent",
                        "--start", "2020-01"));
        List<String> what = List.of("compare of 2 scenarios", "sweep of 2 point(s)", "attribute of", "calibrate of up to",
                "reverse-stress of about", "backtest");
        for (int i = 0; i < commands.size(); i++) {
            Path home = Files.createDirectories(tmp.resolve("home" + i));
            List<String> args = new ArrayList<>(commands.get(i));
            args.addAll(BIG);
            Forked r = forked(home, args);
            String command = args.get(0);
            assertEquals(2, r.exitCode(), command + ": " + r.err());
            List<String> lines = r.err().lines().filter(l -> !l.isBlank()).toList();
            assertEquals(1, lines.size(), command + ": " + r.err());
            assertTrue(lines.get(0).startsWith("error: "), r.err());
            assertTrue(lines.get(0).contains(": replications: " + what.get(i)), command + ": " + r.err());
            assertTrue(lines.get(0).contains("10000 replications x 600 months") && lines.get(0).contains("GB of heap and")
                    && lines.get(0).contains("this JVM has 0.1"), command + ": " + r.err());
            try (Stream<Path> s = Files.list(home)) {
                assertEquals(List.of(), s.toList(), command + ": nothing written");
            }
        }
    }

    /** Stops the run at its first replication, once the command has said what it is about to do. */
    private static CliTest.Result stoppedAtOnce(String... args) {
        try (ReplicationWatch stop = ReplicationWatch.before((r, executor) -> {
            throw new IllegalStateException("test: stopped");
        })) {
            return CliTest.cli(args);
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aLongExperimentSaysHowLongBeforeItStarts() throws IOException {
        Path home = tmp.resolve("home");
        try (TempHome h = new TempHome(home)) {
            List<String> args = new ArrayList<>(List.of("compare", BASELINE, "scenarios/severe-downturn.yaml"));
            args.addAll(BIG);
            CliTest.Result r = stoppedAtOnce(args.toArray(String[]::new));
            assertEquals(1, r.exitCode(), r.err());
            assertTrue(r.err().startsWith("note: this comparison is estimated to need about "), r.err());
            assertTrue(r.err().lines().findFirst().orElseThrow().matches(".* and \\d+ h \\d+ min on 1 threads"), r.err());
            assertFalse(r.err().contains("\tat "), r.err());

            args = new ArrayList<>(List.of("sensitivity", BASELINE, "--input", "lenders[0].model_quality=0.4:0.8",
                    "--output", "peak(m3plus_ratio)"));
            args.addAll(BIG);
            r = stoppedAtOnce(args.toArray(String[]::new));
            assertEquals(1, r.exitCode(), r.err());
            assertTrue(r.err().startsWith("note: this sensitivity analysis is estimated to need about "), r.err());
            // 20 design points (10 trajectories of 2 points), each ten times the comparison's runs
            assertTrue(r.err().lines().findFirst().orElseThrow().matches(".* and 1\\d h \\d+ min on 1 threads"), r.err());
            assertEquals(List.of(), h.output(), "nothing written");
        }
    }
}

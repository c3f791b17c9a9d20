package org.creditstress.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * The hand-rolled measuring tools of the benchmark (JMH is not a dependency): full garbage
 * collections before each measured run, {@link System#nanoTime()} around it, warm-up runs that
 * are thrown away, and the median, minimum and maximum of the timed runs.
 */
public final class Harness {
    /** Written with every result so the JIT cannot drop the work that produced it. */
    private static volatile double sink;

    /** Other processes' load (cores) under which the machine counts as quiet. */
    static final double QUIET = 0.10;
    /** A timed run during which other processes used more than this many cores is disturbed. */
    static final double DISTURBED = 0.15;
    private static volatile boolean waitForQuiet;
    private static volatile int repeatedRuns;
    private static volatile int disturbedRuns;
    private static volatile double waitedSeconds;
    private static volatile double timedSeconds;
    private static volatile double otherCoreSecondsInTimed;

    /**
     * With {@code true}, every timed run first waits until the machine is quiet (other processes
     * below {@value #QUIET} cores for two seconds), and a run disturbed by other processes is
     * repeated (at most three times).
     */
    public static void waitForQuiet(boolean on) {
        waitForQuiet = on;
    }

    /** Runs repeated because other processes disturbed them, runs still disturbed when kept, and seconds waited. */
    public static String disturbanceSummary() {
        if (!waitForQuiet) {
            return String.format(Locale.ROOT, "%d run(s) disturbed (other processes above %.2f cores); --wait-quiet was off",
                    disturbedRuns, DISTURBED);
        }
        return String.format(Locale.ROOT, "%d run(s) repeated, %d kept although disturbed, %.0f s waited for a quiet machine",
                repeatedRuns, disturbedRuns, waitedSeconds);
    }

    /** Seconds inside {@link #timed} runs so far, and other processes' core-seconds during them: {seconds, core-seconds}. */
    public static double[] timedLoad() {
        return new double[] {timedSeconds, otherCoreSecondsInTimed};
    }

    /** Other processes' cores during the run that started at {@code t0} (remembered for {@link #keep()}). */
    private static double otherLoad(MachineLoad load, long t0) {
        lastWall = since(t0);
        lastOther = load.otherCoresSince();
        return lastOther;
    }

    private static volatile double lastWall;
    private static volatile double lastOther;

    /** Adds the last run to the load totals: only runs kept as results count. */
    private static void keep() {
        if (!Double.isNaN(lastOther)) {
            timedSeconds += lastWall;
            otherCoreSecondsInTimed += lastOther * lastWall;
        }
    }

    /** One timed run: waits for a quiet machine and repeats disturbed runs if {@link #waitForQuiet(boolean)} is on. */
    public static double timed(Run run) {
        if (!waitForQuiet) {
            MachineLoad load = MachineLoad.now();
            long t0 = System.nanoTime();
            double seconds = run.seconds();
            if (otherLoad(load, t0) > DISTURBED && seconds >= 0.5) {
                disturbedRuns++;
            }
            keep();
            return seconds;
        }
        for (int attempt = 0; ; attempt++) {
            waitUntilQuiet();
            MachineLoad load = MachineLoad.now();
            long t0 = System.nanoTime();
            double seconds = run.seconds();
            double other = otherLoad(load, t0);
            if (!(other > DISTURBED) || seconds < 0.5) {
                keep();
                return seconds;
            }
            if (attempt == 3) {
                disturbedRuns++;
                keep();
                return seconds;
            }
            repeatedRuns++;
        }
    }

    /** Waits for a quiet machine if {@link #waitForQuiet(boolean)} is on. */
    public static void settle() {
        if (waitForQuiet) {
            waitUntilQuiet();
        }
    }

    private static void waitUntilQuiet() {
        long t0 = System.nanoTime();
        while (since(t0) < 1800) {
            MachineLoad load = MachineLoad.now();
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            double other = load.otherCoresSince();
            if (Double.isNaN(other) || other < QUIET) {
                break;
            }
        }
        double waited = since(t0) - 2.0;
        waitedSeconds += Math.max(0.0, waited);
    }

    private Harness() {
    }

    /** Something measured once per run: returns the seconds of the part that counts. */
    @FunctionalInterface
    public interface Run {
        double seconds();
    }

    /** Median, minimum and maximum of some runs. */
    public record Stats(double median, double min, double max, int runs) {
        public static Stats of(double... xs) {
            if (xs.length == 0) {
                return new Stats(Double.NaN, Double.NaN, Double.NaN, 0);
            }
            double[] s = xs.clone();
            Arrays.sort(s);
            int n = s.length;
            double median = n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
            return new Stats(median, s[0], s[n - 1], n);
        }

        /** {@code x / this} for a rate such as borrower-months per second: the median becomes the rate at the median time. */
        public Stats inverse(double x) {
            return new Stats(x / median, x / max, x / min, runs);
        }

        /** e.g. "12.3 s (11.9 - 13.0, n=3)". */
        public String format(String number, String unit) {
            String f = number + " %s (" + number + " - " + number + ", n=%d)";
            return String.format(Locale.ROOT, f, median, unit, min, max, runs);
        }
    }

    /** Runs {@code warmups} throw-away runs, then {@code runs} timed runs each after a full GC. */
    public static Stats measure(int warmups, int runs, Run run) {
        for (int w = 0; w < warmups; w++) {
            run.seconds();
        }
        double[] xs = new double[runs];
        for (int r = 0; r < runs; r++) {
            gc();
            xs[r] = timed(run);
        }
        return Stats.of(xs);
    }

    /**
     * Like {@link #measure(int, int, Run)} with an untimed set-up before each run: set-up, full GC,
     * then the timed part.
     */
    public static <T> Stats measure(int warmups, int runs, java.util.function.Supplier<T> setup,
                                    java.util.function.ToDoubleFunction<T> timed) {
        for (int w = 0; w < warmups; w++) {
            timed.applyAsDouble(setup.get());
        }
        double[] xs = new double[runs];
        for (int r = 0; r < runs; r++) {
            xs[r] = timed(() -> {
                T prepared = setup.get();
                gc();
                return timed.applyAsDouble(prepared);
            });
        }
        return Stats.of(xs);
    }

    /** Seconds since {@code t0} (a {@link System#nanoTime()} reading). */
    public static double since(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    /** Full collections until the used heap stops shrinking (at most five). */
    public static void gc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long last = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            long used = memory.getHeapMemoryUsage().getUsed();
            if (used >= last - 64 * 1024) {
                return;
            }
            last = used;
        }
    }

    /** Heap in use after a full collection, bytes. */
    public static long usedHeapAfterGc() {
        gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /**
     * Memory read bandwidth in GB/s: {@code threads} threads summing disjoint parts of a 512 MB
     * array of doubles (far larger than the caches), best of five passes. The model's phases stream
     * through arrays much like this, so it bounds what a second thread can add.
     */
    public static double readBandwidth(int threads) {
        double[] data = new double[64 << 20];
        java.util.Arrays.fill(data, 1.0);
        java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(threads);
        try {
            double best = 0;
            for (int pass = 0; pass < 6; pass++) {
                long t0 = System.nanoTime();
                double sum = pool.submit(() -> java.util.stream.IntStream.range(0, threads).parallel().mapToDouble(t -> {
                    int from = (int) ((long) data.length * t / threads);
                    int to = (int) ((long) data.length * (t + 1) / threads);
                    double s0 = 0;
                    double s1 = 0;
                    for (int i = from; i < to; i += 2) {
                        s0 += data[i];
                        s1 += data[i + 1];
                    }
                    return s0 + s1;
                }).sum()).get();
                double seconds = since(t0);
                consume(sum);
                if (pass > 0) {
                    best = Math.max(best, data.length * 8.0 / seconds / 1e9);
                }
            }
            return best;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Double.NaN;
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    /** Keeps a result alive (see {@link #sink}). */
    public static void consume(double x) {
        sink += x;
    }

    /** Keeps a table of results alive. */
    public static void consume(double[][] table) {
        double s = 0;
        for (double[] row : table) {
            for (double x : row) {
                if (!Double.isNaN(x)) {
                    s += x;
                }
            }
        }
        consume(s);
    }
}

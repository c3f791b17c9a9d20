package org.creditstress.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How busy the machine was with other work while the benchmark ran: CPU time of the whole machine
 * (from {@code /proc/stat}) minus this JVM's own CPU time, over the wall time. On a quiet machine
 * it is close to 0; 1.0 means another process kept one core busy the whole time, and the timings
 * are then not to be trusted. NaN where {@code /proc/stat} or the process CPU time is unavailable.
 */
public final class MachineLoad {
    /** /proc/stat counts in USER_HZ, which Linux fixes at 100 per second for user space. */
    private static final double TICKS_PER_SECOND = 100.0;

    private final long wallNanos;
    private final double machineBusySeconds;
    private final double processCpuSeconds;

    private MachineLoad(long wallNanos, double machineBusySeconds, double processCpuSeconds) {
        this.wallNanos = wallNanos;
        this.machineBusySeconds = machineBusySeconds;
        this.processCpuSeconds = processCpuSeconds;
    }

    public static MachineLoad now() {
        return new MachineLoad(System.nanoTime(), machineBusySeconds(), processCpuSeconds());
    }

    /** Cores kept busy by other processes between {@code start} and now (NaN if unknown). */
    public double otherCoresSince() {
        MachineLoad end = now();
        double wall = (end.wallNanos - wallNanos) / 1e9;
        if (wall <= 0) {
            return Double.NaN;
        }
        double other = (end.machineBusySeconds - machineBusySeconds) - (end.processCpuSeconds - processCpuSeconds);
        return Math.max(0.0, other / wall);
    }

    private static double machineBusySeconds() {
        try {
            String first = Files.readAllLines(Path.of("/proc/stat")).get(0);
            String[] f = first.trim().split("\\s+");
            // cpu user nice system idle iowait irq softirq steal ...
            long busy = 0;
            for (int i = 1; i < f.length && i <= 8; i++) {
                if (i != 4 && i != 5) {
                    busy += Long.parseLong(f[i]);
                }
            }
            return busy / TICKS_PER_SECOND;
        } catch (Exception e) {
            return Double.NaN;
        }
    }

    private static double processCpuSeconds() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            long nanos = sun.getProcessCpuTime();
            return nanos < 0 ? Double.NaN : nanos / 1e9;
        }
        return Double.NaN;
    }
}

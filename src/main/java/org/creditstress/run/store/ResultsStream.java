package org.creditstress.run.store;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.creditstress.metric.Metric;
import org.creditstress.metric.MetricRegistry;
import org.creditstress.run.ReplicationResult;

/**
 * A run's results written as its replications finish, so that memory does not grow with the
 * number of replications. {@link #accept} takes replications in order (0, 1, 2, ...): it appends
 * their rows to {@code metrics.csv} (and {@code roll_rates.csv} when asked for), keeps each
 * replication's seed and wall time, and appends its values to hidden binary "summary input" files
 * in the folder, one per block of metrics. {@link #finish} then computes {@code summary.csv} (and
 * {@code vintages.csv}) one block at a time, exactly as from an in-memory table (same bytes), and
 * deletes the summary inputs. A block holds {@code replications x months x its metrics} doubles,
 * sized to {@link #BLOCK_BYTES}; a block is never smaller than one metric.
 *
 * <p>The CSVs are written under hidden part names and renamed at {@link #finish}; until then the
 * folder is a run's temporary folder anyway (see {@link RunDirectory}).
 */
public final class ResultsStream implements Closeable {
    /** Target size of one block of summary inputs held in memory while {@code summary.csv} is written. */
    static final long BLOCK_BYTES = 16L * 1024 * 1024;

    private static final String[] BUCKETS = {"m0", "m1", "m2", "m3", "m4plus"};
    private static final String[] DESTINATIONS = {"m0", "m1", "m2", "m3", "m4plus", "writeoff", "paidoff"};

    private final Path dir;
    private final MetricRegistry registry;
    private final int months;
    private final int metricCount;
    private final int blockSize;
    private final Writer metrics;
    private final Writer rollRates;
    private final int[][] rollColumn;
    private final FileChannel[] blocks;
    private final List<long[]> seedsAndNanos = new ArrayList<>();
    private final StringBuilder line = new StringBuilder();
    private ByteBuffer buffer;
    private boolean finished;

    /**
     * Opens the stream in {@code dir} for a run of at most {@code replications} replications of
     * {@code months} months with {@code registry}'s metrics.
     */
    public ResultsStream(Path dir, MetricRegistry registry, int months, int replications, boolean rollRates) throws IOException {
        this(dir, registry, months, replications, rollRates, BLOCK_BYTES);
    }

    /** As above, with blocks of summary inputs of about {@code blockBytes} (tests use small ones). */
    ResultsStream(Path dir, MetricRegistry registry, int months, int replications, boolean rollRates, long blockBytes) throws IOException {
        this.dir = dir;
        this.registry = registry;
        this.months = months;
        this.metricCount = registry.metrics().size();
        long perMetric = Math.max(1L, (long) Math.max(1, replications) * months * Double.BYTES);
        this.blockSize = (int) Math.max(1, Math.min(Math.max(1, metricCount), blockBytes / perMetric));
        Files.createDirectories(dir);
        this.metrics = open(part(RunFolder.METRICS));
        this.metrics.write(header(registry.metrics()));
        if (rollRates) {
            this.rollRates = open(part("roll_rates.csv"));
            this.rollRates.write("replication,month,from,to,accounts,rate\n");
            this.rollColumn = new int[BUCKETS.length][DESTINATIONS.length];
            for (int f = 0; f < BUCKETS.length; f++) {
                for (int t = 0; t < DESTINATIONS.length; t++) {
                    rollColumn[f][t] = registry.index("roll_count." + BUCKETS[f] + "." + DESTINATIONS[t]);
                }
            }
        } else {
            this.rollRates = null;
            this.rollColumn = null;
        }
        int blockCount = metricCount == 0 ? 0 : (metricCount + blockSize - 1) / blockSize;
        this.blocks = new FileChannel[blockCount];
        for (int b = 0; b < blockCount; b++) {
            blocks[b] = FileChannel.open(blockFile(b), StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
        }
    }

    private static String header(List<Metric> metrics) {
        StringBuilder sb = new StringBuilder("replication,month");
        for (Metric m : metrics) {
            sb.append(',').append(m.name());
        }
        return sb.append('\n').toString();
    }

    private Writer open(Path file) throws IOException {
        return new BufferedWriter(new java.io.OutputStreamWriter(Files.newOutputStream(file, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), StandardCharsets.UTF_8), 1 << 16);
    }

    private Path part(String name) {
        return dir.resolve("." + name + ".part");
    }

    private Path blockFile(int b) {
        return dir.resolve(".summary-inputs-" + b + ".bin");
    }

    /** Number of replications taken so far. */
    public int replications() {
        return seedsAndNanos.size();
    }

    /** The seed and wall nanoseconds of each replication taken, in order. */
    List<long[]> seedsAndNanos() {
        return seedsAndNanos;
    }

    /** The registry the values are in. */
    MetricRegistry registry() {
        return registry;
    }

    /**
     * Appends one finished replication; replications must come in order 0, 1, 2, ...
     *
     * @throws IllegalArgumentException if it is out of order or not {@code months} long
     */
    public void accept(ReplicationResult r) throws IOException {
        if (finished) {
            throw new IllegalStateException("results already finished");
        }
        if (r.replication() != seedsAndNanos.size()) {
            throw new IllegalArgumentException("replication " + r.replication() + " arrived, expected " + seedsAndNanos.size());
        }
        double[][] v = r.values();
        if (v.length != months) {
            throw new IllegalArgumentException("replication " + r.replication() + " has " + v.length + " months, expected " + months);
        }
        for (int t = 0; t < v.length; t++) {
            line.setLength(0);
            line.append(r.replication()).append(',').append(t + 1);
            for (double x : v[t]) {
                line.append(',').append(CsvNumbers.format(x));
            }
            metrics.write(line.append('\n').toString());
        }
        if (rollRates != null) {
            appendRollRates(r);
        }
        for (int b = 0; b < blocks.length; b++) {
            int from = b * blockSize;
            int to = Math.min(metricCount, from + blockSize);
            ByteBuffer buf = buffer(months * (to - from) * Double.BYTES);
            for (double[] row : v) {
                for (int j = from; j < to; j++) {
                    buf.putDouble(row[j]);
                }
            }
            buf.flip();
            while (buf.hasRemaining()) {
                blocks[b].write(buf);
            }
        }
        seedsAndNanos.add(new long[] {r.seed(), r.wallNanos()});
    }

    private ByteBuffer buffer(int bytes) {
        if (buffer == null || buffer.capacity() < bytes) {
            buffer = ByteBuffer.allocate(bytes).order(ByteOrder.nativeOrder());
        }
        buffer.clear();
        return buffer;
    }

    private void appendRollRates(ReplicationResult r) throws IOException {
        double[][] v = r.values();
        for (int m = 0; m < v.length; m++) {
            for (int f = 0; f < BUCKETS.length; f++) {
                double total = 0;
                for (int t = 0; t < DESTINATIONS.length; t++) {
                    total += v[m][rollColumn[f][t]];
                }
                for (int t = 0; t < DESTINATIONS.length; t++) {
                    double n = v[m][rollColumn[f][t]];
                    rollRates.write(r.replication() + "," + (m + 1) + "," + BUCKETS[f] + "," + DESTINATIONS[t] + ","
                            + CsvNumbers.format(n) + "," + CsvNumbers.format(total > 0 ? n / total : Double.NaN) + "\n");
                }
            }
        }
    }

    /** Summary inputs of one block of metrics: [replication][month][metric in block]. */
    final class Block {
        final int from;
        final int to;
        private final double[] values;

        private Block(int b) throws IOException {
            from = b * blockSize;
            to = Math.min(metricCount, from + blockSize);
            int reps = seedsAndNanos.size();
            values = new double[Math.multiplyExact(Math.multiplyExact(reps, months), to - from)];
            ByteBuffer buf = ByteBuffer.allocate(Math.min(1 << 20, Math.max(Double.BYTES, values.length * Double.BYTES)))
                    .order(ByteOrder.nativeOrder());
            FileChannel ch = blocks[b];
            long position = 0;
            int k = 0;
            while (k < values.length) {
                buf.clear();
                buf.limit(Math.min(buf.capacity(), (values.length - k) * Double.BYTES));
                while (buf.hasRemaining()) {
                    int n = ch.read(buf, position);
                    if (n < 0) {
                        throw new IOException(blockFile(b) + " ended early");
                    }
                    position += n;
                }
                buf.flip();
                while (buf.hasRemaining()) {
                    values[k++] = buf.getDouble();
                }
            }
        }

        /** Value of metric {@code j} (registry index, within this block) at month index {@code t} of replication {@code r}. */
        double value(int r, int t, int j) {
            return values[(r * months + t) * (to - from) + (j - from)];
        }
    }

    /** The block holding metric {@code j}. */
    Block block(int j) throws IOException {
        return new Block(j / blockSize);
    }

    /** Number of blocks of summary inputs. */
    int blockCount() {
        return blocks.length;
    }

    /** Block {@code b}, for {@link ResultsWriter}: blocks are read in order, one at a time. */
    Block readBlock(int b) throws IOException {
        return new Block(b);
    }

    int months() {
        return months;
    }

    /** Closes the CSVs and moves them to their names. Summary inputs stay until {@link #close}. */
    void finishCsvs() throws IOException {
        if (finished) {
            return;
        }
        finished = true;
        metrics.close();
        AtomicFiles.rename(part(RunFolder.METRICS), dir.resolve(RunFolder.METRICS), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        if (rollRates != null) {
            rollRates.close();
            AtomicFiles.rename(part("roll_rates.csv"), dir.resolve("roll_rates.csv"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Closes everything and deletes the summary inputs and any part file left by a failure. */
    @Override
    public void close() throws IOException {
        IOException first = null;
        for (Closeable c : new Closeable[] {metrics, rollRates}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        for (int b = 0; b < blocks.length; b++) {
            try {
                blocks[b].close();
                Files.deleteIfExists(blockFile(b));
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        try {
            Files.deleteIfExists(part(RunFolder.METRICS));
            Files.deleteIfExists(part("roll_rates.csv"));
        } catch (IOException e) {
            first = first == null ? e : first;
        }
        if (first != null) {
            throw first;
        }
    }

}

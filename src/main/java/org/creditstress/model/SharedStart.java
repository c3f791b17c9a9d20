package org.creditstress.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.creditstress.metric.Metric;
import org.creditstress.model.engine.ChunkExecutor;
import org.creditstress.model.engine.ReplicationSeeds;
import org.creditstress.model.engine.SeedPlan;
import org.creditstress.scenario.Scenario;

/**
 * The starting book of a run with {@code horizon.shared_start}, built once: replication 0's market
 * built and burnt in, frozen at the end of month 0 (MASON's checkpointing idea: Java serialization
 * of the schedule and the state its phases share), and thawed into a fresh copy for each replication.
 * Every replication but the first then skips the build and the burn-in, and each copy is exactly
 * the state that replication would have reached by running them itself ({@link ReplicationSeeds}).
 *
 * <p>What the phases only read is not copied: the scenario and its settings, the metric
 * definitions and the executor are written as references and resolved to the same objects (the
 * executor and the seeds to the thawing replication's own).
 */
public final class SharedStart {
    private final Scenario scenario;
    private final List<Metric> metrics;
    /** Blocks of the frozen state: 64 MB each. */
    static final int BLOCK_BYTES = 64 << 20;
    private final FrozenBytes frozen;
    private final List<Object> shared;

    private SharedStart(Scenario scenario, List<Metric> metrics, FrozenBytes frozen, List<Object> shared) {
        this.scenario = scenario;
        this.metrics = metrics;
        this.frozen = frozen;
        this.shared = shared;
    }

    /** Builds and burns in replication 0 of {@code scenario} (which must have a shared start) and freezes it. */
    public static SharedStart build(Scenario scenario, ChunkExecutor executor, List<Metric> metrics) {
        if (!scenario.horizon().sharedStart()) {
            throw new IllegalArgumentException("scenario " + scenario.name() + " has no shared start");
        }
        CreditMarket first = new CreditMarket(scenario, new SeedPlan(scenario.seed()).replicationSeed(0), executor, metrics);
        first.start();
        while (first.market().month() < 0) {
            first.stepMonth();
        }
        List<Object> shared = new ArrayList<>();
        FrozenBytes bytes = new FrozenBytes(BLOCK_BYTES);
        try (ObjectOutputStream out = new Freezer(bytes, shared)) {
            out.writeObject(first.frozenState());
        } catch (IOException e) {
            throw new UncheckedIOException("could not copy the starting book", e);
        }
        return new SharedStart(scenario, metrics, bytes, shared);
    }

    /** Size of the frozen book in bytes (held once per run). */
    public long bytes() {
        return frozen.size();
    }

    /**
     * A copy of the starting book for the replication of {@code replicationSeed}, ready to simulate
     * month 1 on {@code executor}.
     */
    public CreditMarket replication(long replicationSeed, ChunkExecutor executor) {
        ReplicationSeeds seeds = CreditMarket.seeds(scenario, replicationSeed);
        CreditMarket copy = new CreditMarket(scenario, replicationSeed, executor, metrics);
        try (ObjectInputStream in = new Thawer(frozen.open(), shared, executor, seeds)) {
            copy.thaw((CreditMarket.Frozen) in.readObject());
        } catch (IOException e) {
            throw new UncheckedIOException("could not copy the starting book", e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        return copy;
    }

    /** Stands for an object the copies share with the original (or, for the executor and seeds, get their own). */
    private record Ref(int index) implements Serializable {
        static final int EXECUTOR = -1;
        static final int SEEDS = -2;
    }

    /** Whether the phases only read {@code o}: settings, metric definitions, the executor. */
    private static boolean readOnly(Object o) {
        String p = o.getClass().getPackageName();
        return p.startsWith("org.creditstress.scenario") || p.equals("org.creditstress.metric");
    }

    private static final class Freezer extends ObjectOutputStream {
        private final List<Object> shared;
        private final Map<Object, Integer> index = new IdentityHashMap<>();

        Freezer(OutputStream out, List<Object> shared) throws IOException {
            super(out);
            this.shared = shared;
            enableReplaceObject(true);
        }

        @Override
        protected Object replaceObject(Object o) {
            if (o instanceof ChunkExecutor) {
                return new Ref(Ref.EXECUTOR);
            }
            if (o instanceof ReplicationSeeds) {
                return new Ref(Ref.SEEDS);
            }
            if (readOnly(o)) {
                return new Ref(index.computeIfAbsent(o, k -> {
                    shared.add(k);
                    return shared.size() - 1;
                }));
            }
            return o;
        }
    }

    private static final class Thawer extends ObjectInputStream {
        private final List<Object> shared;
        private final ChunkExecutor executor;
        private final ReplicationSeeds seeds;

        Thawer(InputStream in, List<Object> shared, ChunkExecutor executor, ReplicationSeeds seeds) throws IOException {
            super(in);
            this.shared = shared;
            this.executor = executor;
            this.seeds = seeds;
            enableResolveObject(true);
        }

        @Override
        protected Object resolveObject(Object o) {
            if (o instanceof Ref r) {
                return switch (r.index()) {
                    case Ref.EXECUTOR -> executor;
                    case Ref.SEEDS -> seeds;
                    default -> shared.get(r.index());
                };
            }
            return o;
        }
    }
}

package org.creditstress.experiment.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.math3.random.SobolSequenceGenerator;
import org.creditstress.scenario.KeyPath;
import org.creditstress.scenario.LoadedScenario;
import org.creditstress.scenario.schema.Key;
import org.creditstress.scenario.schema.KeyType;
import org.creditstress.scenario.schema.ScenarioSchema;
import org.creditstress.scenario.schema.Section;

/** The points of a sweep from its {@code --vary} options and design. */
public final class SweepPlan {
    /** More points than this are refused: check the design before committing days of computing. */
    public static final int MAX_POINTS = 100_000;

    private SweepPlan() {
    }

    /**
     * The points, with ids {@code p0001, p0002, ...}. Grid: every combination, the last key varying
     * fastest. lhs: {@code samples} Latin-hypercube points drawn with {@link LatinHypercube#seedFor}
     * of {@code seed}. sobol: the first {@code samples} points of the Sobol sequence (deterministic,
     * starting at the origin).
     *
     * @param base the base scenario: every varied key must be a single value in it
     * @throws IllegalArgumentException naming the option at fault
     */
    public static List<SweepPoint> points(List<Vary> vary, Design design, Integer samples, long seed, LoadedScenario base) {
        if (vary.isEmpty()) {
            throw new IllegalArgumentException("--vary: give at least one key to vary, e.g. --vary economy.unemployment.shock_level=0.08,0.10,0.12");
        }
        List<String> keys = new ArrayList<>();
        for (Vary v : vary) {
            if (keys.contains(v.key())) {
                throw new IllegalArgumentException("--vary: key " + v.key() + " is varied twice");
            }
            keys.add(v.key());
            checkKey(v, base.resolved());
        }
        List<Map<String, String>> combos = new ArrayList<>();
        if (design == Design.GRID) {
            if (samples != null) {
                throw new IllegalArgumentException("--samples is for --design lhs or sobol; a grid has one point per combination");
            }
            combos.add(new LinkedHashMap<>());
            long total = 1;
            for (Vary v : vary) {
                List<String> axis = v.gridAxis(isInteger(v.key()));
                total *= axis.size();
                if (total > MAX_POINTS) {
                    throw new IllegalArgumentException("--vary: the grid has more than " + MAX_POINTS + " points; use fewer values or --design lhs");
                }
                List<Map<String, String>> next = new ArrayList<>();
                for (Map<String, String> c : combos) {
                    for (String value : axis) {
                        Map<String, String> m = new LinkedHashMap<>(c);
                        m.put(v.key(), value);
                        next.add(m);
                    }
                }
                combos = next;
            }
        } else {
            if (samples == null) {
                throw new IllegalArgumentException("--design " + design.label() + " needs --samples N");
            }
            if (samples < 1 || samples > MAX_POINTS) {
                throw new IllegalArgumentException("--samples must be between 1 and " + MAX_POINTS + ", got " + samples);
            }
            for (Vary v : vary) {
                if (v.kind() == Vary.Kind.GRID_RANGE) {
                    throw new IllegalArgumentException("--vary '" + v.key() + "=" + v.spec() + "': --design " + design.label()
                            + " takes lo:hi (the number of points is --samples)");
                }
            }
            double[][] u = design == Design.LHS
                    ? LatinHypercube.sample(samples, vary.size(), LatinHypercube.seedFor(seed))
                    : sobol(samples, vary.size());
            for (double[] row : u) {
                Map<String, String> m = new LinkedHashMap<>();
                for (int j = 0; j < vary.size(); j++) {
                    m.put(vary.get(j).key(), vary.get(j).valueAt(row[j], isInteger(vary.get(j).key())));
                }
                combos.add(m);
            }
        }
        int width = Math.max(4, Integer.toString(combos.size()).length());
        List<SweepPoint> out = new ArrayList<>();
        for (int i = 0; i < combos.size(); i++) {
            out.add(new SweepPoint("p" + String.format(java.util.Locale.ROOT, "%0" + width + "d", i + 1), combos.get(i)));
        }
        return out;
    }

    /** The first {@code n} points of the {@code d}-dimensional Sobol sequence. */
    static double[][] sobol(int n, int d) {
        SobolSequenceGenerator g = new SobolSequenceGenerator(d);
        double[][] u = new double[n][];
        for (int i = 0; i < n; i++) {
            u[i] = g.nextVector();
        }
        return u;
    }

    /** The key must exist in the resolved base scenario as a single value (not a section or list). */
    static void checkKey(Vary v, JsonNode resolved) {
        JsonNode node = resolved;
        for (Object segment : KeyPath.split(v.key())) {
            node = segment instanceof Integer i ? node.path(i) : node.path((String) segment);
            if (node.isMissingNode()) {
                throw new IllegalArgumentException("--vary '" + v.key() + "=" + v.spec() + "': the scenario has no key "
                        + v.key() + " (see docs/scenario-reference.md; list elements count from 0)");
            }
        }
        if (node.isContainerNode()) {
            throw new IllegalArgumentException("--vary '" + v.key() + "=" + v.spec() + "': " + v.key()
                    + " is a section or list, not a single value");
        }
    }

    /** Whether the schema declares the key as a whole number. */
    static boolean isInteger(String keyPath) {
        return keyType(keyPath).map(t -> t == KeyType.INTEGER).orElse(false);
    }

    /** The declared type of a leaf key path, if the schema has it. */
    static Optional<KeyType> keyType(String keyPath) {
        Section section = ScenarioSchema.root();
        List<Object> segments = KeyPath.split(keyPath);
        for (int i = 0; i < segments.size(); i++) {
            if (segments.get(i) instanceof Integer) {
                continue;
            }
            String name = (String) segments.get(i);
            if (i == segments.size() - 1) {
                return section.key(name).map(Key::type);
            }
            Optional<Section> next = section.section(name);
            if (next.isEmpty()) {
                return Optional.empty();
            }
            section = next.get();
        }
        return Optional.empty();
    }
}

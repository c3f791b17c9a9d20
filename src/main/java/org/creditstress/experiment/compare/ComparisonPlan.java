package org.creditstress.experiment.compare;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.creditstress.scenario.LoadedScenario;
import org.creditstress.scenario.ScenarioLoader;

/**
 * The scenarios of a comparison, loaded so that they run on common random numbers (CRN): every
 * scenario gets the same master seed (the first scenario's unless given) and the same number of
 * replications (likewise), so replication k of every scenario draws from the same streams and
 * differences between scenarios are paired, replication by replication. CRN also needs the same
 * population size: borrower k is then the same person, with the same draws, in every scenario.
 */
public final class ComparisonPlan {

    /** One scenario of the comparison. {@code label} is unique and names its results sub-folder. */
    public record Entry(String label, Path file, LoadedScenario loaded) {
    }

    private final List<Entry> entries;
    private final long seed;
    private final int replications;
    private final List<String> notes;

    private ComparisonPlan(List<Entry> entries, long seed, int replications, List<String> notes) {
        this.entries = List.copyOf(entries);
        this.seed = seed;
        this.replications = replications;
        this.notes = List.copyOf(notes);
    }

    /**
     * Loads the scenarios with the shared overrides, then with the common seed and replications.
     *
     * @param overrides    {@code KEY=VALUE} applied to every scenario (as {@code --set})
     * @param seed         master seed for all, or null for the first scenario's
     * @param replications replications for all, or null for the first scenario's
     * @throws org.creditstress.scenario.ScenarioException if a scenario is invalid
     * @throws IllegalArgumentException if the population sizes differ (CRN would be lost), with
     *                                  a message saying so and how to fix it
     */
    public static ComparisonPlan load(List<Path> files, List<String> overrides, Long seed, Integer replications) {
        if (files.size() < 2) {
            throw new IllegalArgumentException("compare needs at least two scenarios, got " + files.size());
        }
        LoadedScenario first = ScenarioLoader.load(files.get(0), overrides);
        long s = seed != null ? seed : first.scenario().seed();
        int n = replications != null ? replications : first.scenario().replications();
        List<String> common = new ArrayList<>(overrides);
        common.add("seed=" + s);
        common.add("replications=" + n);
        List<String> notes = new ArrayList<>();
        List<Entry> entries = new ArrayList<>();
        Set<String> labels = new HashSet<>();
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            LoadedScenario own = i == 0 ? first : ScenarioLoader.load(file, overrides);
            if (seed == null && own.scenario().seed() != s) {
                notes.add(file + ": seed " + own.scenario().seed() + " replaced by " + s
                        + " (the first scenario's) for common random numbers");
            }
            if (replications == null && own.scenario().replications() != n) {
                notes.add(file + ": " + own.scenario().replications() + " replications replaced by " + n
                        + " (the first scenario's) so that replications pair up");
            }
            LoadedScenario loaded = ScenarioLoader.load(file, common);
            entries.add(new Entry(uniqueLabel(loaded.scenario().name(), labels), file, loaded));
        }
        int size = entries.get(0).loaded().scenario().population().size();
        List<String> mismatched = new ArrayList<>();
        for (Entry e : entries) {
            if (e.loaded().scenario().population().size() != size) {
                mismatched.add(e.file() + " has " + e.loaded().scenario().population().size());
            }
        }
        if (!mismatched.isEmpty()) {
            throw new IllegalArgumentException("population.size differs: " + files.get(0) + " has " + size + ", "
                    + String.join(", ", mismatched) + "; with different populations the borrowers and their random "
                    + "draws differ, so common random numbers and paired differences are lost. "
                    + "Give them one size, e.g. --set population.size=" + size);
        }
        boolean shared = entries.get(0).loaded().scenario().horizon().sharedStart();
        for (Entry e : entries) {
            if (e.loaded().scenario().horizon().sharedStart() != shared) {
                notes.add(e.file() + ": horizon.shared_start is " + !shared + ", " + files.get(0) + "'s is " + shared
                        + ", so replication k starts from different books in the two (set it the same in all to compare futures)");
            }
        }
        return new ComparisonPlan(entries, s, n, notes);
    }

    /** A folder-safe label from the scenario name, made unique with -2, -3, ... */
    static String uniqueLabel(String name, Set<String> taken) {
        String base = name.replaceAll("[^A-Za-z0-9._-]+", "_");
        if (base.isEmpty() || base.startsWith(".")) {
            base = "scenario" + base;
        }
        String label = base;
        for (int k = 2; !taken.add(label); k++) {
            label = base + "-" + k;
        }
        return label;
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The common master seed. */
    public long seed() {
        return seed;
    }

    /** The common number of replications. */
    public int replications() {
        return replications;
    }

    /** The common population size. */
    public int populationSize() {
        return entries.get(0).loaded().scenario().population().size();
    }

    /** What was changed to put the scenarios on common random numbers (seed, replications). */
    public List<String> notes() {
        return notes;
    }
}

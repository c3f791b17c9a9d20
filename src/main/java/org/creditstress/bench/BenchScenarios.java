package org.creditstress.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.creditstress.run.Experiment;
import org.creditstress.scenario.LoadedScenario;
import org.creditstress.scenario.ScenarioLoader;

/**
 * The scenarios the benchmark runs: the shipped file (severe downturn, every mechanism on) with
 * only size keys overridden. Each variant is loaded through {@link ScenarioLoader}, so it is
 * validated exactly like a user's {@code --set}.
 */
public final class BenchScenarios {
    private final Path file;
    private final List<String> base;

    public BenchScenarios(Path file) {
        this(file, List.of());
    }

    private BenchScenarios(Path file, List<String> base) {
        this.file = file;
        this.base = List.copyOf(base);
    }

    /** The same file with {@code overrides} applied first to every variant (e.g. a shorter horizon for smoke tests). */
    public BenchScenarios withBase(List<String> overrides) {
        List<String> all = new ArrayList<>(base);
        all.addAll(overrides);
        return new BenchScenarios(file, all);
    }

    public Path file() {
        return file;
    }

    /** A variant of the shipped scenario; {@code months} and {@code burnIn} may be {@code null} to keep the file's. */
    public LoadedScenario load(int borrowers, Integer months, Integer burnIn, int replications, String... extra) {
        List<String> overrides = new ArrayList<>(base);
        overrides.add("population.size=" + borrowers);
        overrides.add("replications=" + replications);
        if (months != null) {
            overrides.add("horizon.months=" + months);
        }
        if (burnIn != null) {
            overrides.add("horizon.burn_in_months=" + burnIn);
        }
        overrides.addAll(List.of(extra));
        return ScenarioLoader.load(file, overrides);
    }

    /**
     * An override giving the scenario {@code count} lenders with equal market shares, each a copy
     * of the file's lenders in turn (renamed L1, L2, ...), so that only the number of lenders
     * changes. Borrowers still apply to at most two lenders.
     */
    public String lendersOverride(int count) {
        LoadedScenario loaded = ScenarioLoader.load(file, base);
        JsonNode lenders = loaded.resolved().get("lenders");
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        double share = 1.0 / count;
        for (int k = 0; k < count; k++) {
            ObjectNode copy = ((ObjectNode) lenders.get(k % lenders.size())).deepCopy();
            copy.put("name", "L" + (k + 1));
            copy.put("market_share", k == count - 1 ? 1.0 - share * (count - 1) : share);
            out.add(copy);
        }
        return "lenders=" + out;
    }

    /**
     * Overrides that make every borrower apply to exactly two lenders: {@code lenders_held = [0, 1]}
     * for the population and for every segment (segments may have their own).
     */
    public String[] twoLenderOverrides() {
        LoadedScenario loaded = ScenarioLoader.load(file, base);
        List<String> out = new ArrayList<>();
        out.add("population.accounts.lenders_held=[0.0, 1.0]");
        for (int k = 0; k < loaded.scenario().population().segments().size(); k++) {
            out.add("population.segments[" + k + "].lenders_held=[0.0, 1.0]");
        }
        return out.toArray(String[]::new);
    }

    /** Borrower-months simulated by one replication of a scenario (burn-in included). */
    public static long borrowerMonths(LoadedScenario loaded) {
        var s = loaded.scenario();
        return (long) s.population().size() * (s.horizon().months() + s.horizon().burnInMonths());
    }

    /**
     * Borrower-months a whole run of a scenario simulates ({@code Experiment.run}): the horizon in
     * every replication, the burn-in in every one too, or once when the replications share the
     * starting book it builds ({@link Experiment#sharesStart}).
     */
    public static long runBorrowerMonths(LoadedScenario loaded) {
        var s = loaded.scenario();
        long burnIns = Experiment.sharesStart(s) ? 1 : s.replications();
        return recordedBorrowerMonths(loaded) + (long) s.population().size() * s.horizon().burnInMonths() * burnIns;
    }

    /** Borrower-months a whole run's results cover: the horizon's months of every replication. */
    public static long recordedBorrowerMonths(LoadedScenario loaded) {
        var s = loaded.scenario();
        return (long) s.population().size() * s.horizon().months() * s.replications();
    }
}

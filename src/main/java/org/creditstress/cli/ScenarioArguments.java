package org.creditstress.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.creditstress.scenario.LoadedScenario;
import org.creditstress.scenario.ScenarioLoader;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options every command that loads a scenario shares: the file and its overrides. */
final class ScenarioArguments {
    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario file (YAML).")
    Path scenario;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override a scenario key by its dotted path, lists by index, e.g. --set lenders[0].model_quality=0.5. Repeatable.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--replications", paramLabel = "N", description = "Replications (same as --set replications=N).")
    Integer replications;

    @Option(names = "--seed", paramLabel = "S", description = "Master seed (same as --set seed=S).")
    Long seed;

    /** All overrides in order: --set first, then the shorthand options. */
    List<String> overrides() {
        List<String> all = new ArrayList<>(sets);
        if (replications != null) {
            all.add("replications=" + replications);
        }
        if (seed != null) {
            all.add("seed=" + seed);
        }
        return all;
    }

    LoadedScenario load() {
        return ScenarioLoader.load(scenario, overrides());
    }

    /**
     * The scenario of a command that runs one replication of it: loaded, checked to fit in the heap,
     * and with replication {@code replication} among its replications.
     */
    LoadedScenario loadForReplication(int replication) {
        LoadedScenario loaded = load();
        org.creditstress.run.Experiment.checkFits(loaded);
        int replications = loaded.scenario().replications();
        if (replication < 0 || replication >= replications) {
            throw new UserInputException("--replication must be in [0, " + (replications - 1) + "], got " + replication);
        }
        return loaded;
    }
}

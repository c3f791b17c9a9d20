package org.creditstress.model;

import java.nio.file.Path;
import java.util.List;
import org.creditstress.model.engine.ChunkExecutor;
import org.creditstress.model.engine.SeedPlan;
import org.creditstress.run.Experiment;
import org.creditstress.scenario.LoadedScenario;
import org.creditstress.scenario.ScenarioLoader;

/** Replication 0 of a scenario run for some months on one thread, for tests that look at borrowers. */
final class CreditMarkets {
    private CreditMarkets() {
    }

    /** The market of replication 0 of {@code file} (with overrides) after {@code months} months. */
    static Market runMonths(String file, int months, String... overrides) {
        return runMarket(file, months, overrides).market();
    }

    /** As {@link #runMonths}, the whole replication (its courts as well as its market). */
    static CreditMarket runMarket(String file, int months, String... overrides) {
        LoadedScenario s = ScenarioLoader.load(Path.of(file), List.of(overrides));
        try (ChunkExecutor executor = new ChunkExecutor(1)) {
            CreditMarket cm = new CreditMarket(s.scenario(), new SeedPlan(s.scenario().seed()).replicationSeed(0), executor,
                    Experiment.registry(s.scenario()).metrics());
            cm.start();
            for (int m = 0; m < months; m++) {
                cm.schedule.step(cm);
            }
            return cm;
        }
    }
}

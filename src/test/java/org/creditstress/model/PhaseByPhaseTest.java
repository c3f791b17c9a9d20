package org.creditstress.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.creditstress.run.Experiment;
import org.creditstress.model.engine.ChunkExecutor;
import org.creditstress.model.engine.SeedPlan;
import org.creditstress.scenario.Scenario;
import org.creditstress.scenario.ScenarioLoader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The borrower pass ({@code BorrowerMonth}: every chunk through turnover, new stages of life, the
 * borrower phases, the lenders' account phases, the courts' cases of the month and the portfolio scan in turn) gives exactly the
 * results of running each phase over all chunks at its own slot of the month, on two threads and
 * with the courts busy: the pass is an ordering of the same work, not a different model.
 */
class PhaseByPhaseTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // a downturn with lawsuits, judgments and enforcement in most months (3 chunks of borrowers)
            "scenarios/severe-downturn.yaml, horizon.months=30",
            // a funding crisis: lenders fail and tighten, so month-level state changes mid-run; new stages of life
            "scenarios/funding-squeeze.yaml, population.behaviour.life_stage_monthly=0.01",
            // enforcement in the month of judgment, judged six months after filing
            "scenarios/mild-downturn.yaml, courts.months_to_enforcement=0",
    })
    void thePassGivesThePhasesResultsBitForBit(String file, String override) throws Exception {
        Scenario s = ScenarioLoader.load(Path.of(file), List.of("population.size=10000", "replications=1",
                "horizon.burn_in_months=12", "courts.capacity_per_100k=400", override)).scenario();
        long seed = new SeedPlan(s.seed()).replicationSeed(0);
        double[][] pass;
        double[][] phases;
        try (ChunkExecutor executor = new ChunkExecutor(2)) {
            pass = new CreditMarket(s, seed, executor, Experiment.registry(s).metrics()).runToEnd();
            phases = new CreditMarket(s, seed, executor, Experiment.registry(s).metrics()).phaseByPhase().runToEnd();
        }
        int enforced = Experiment.registry(s).index("cases_enforced");
        double cases = 0;
        for (double[] month : pass) {
            cases += month[enforced];
        }
        assertTrue(cases > 0, "the courts enforced no case: the test does not exercise them");
        for (int m = 0; m < pass.length; m++) {
            assertArrayEquals(phases[m], pass[m], "month " + (m + 1));
        }
    }
}

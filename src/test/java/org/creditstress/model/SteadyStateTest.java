package org.creditstress.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.creditstress.experiment.steady.SteadyState;
import org.creditstress.run.RunResult;
import org.creditstress.scenario.Scenario;
import org.creditstress.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A steady start, as shipped (issue 10's stationarity test): each China scenario with its economy
 * held flat at its month-1 levels and no policy events ({@link SteadyState#flatEconomy}, what
 * {@code creditstress steady} runs), for ten years: M1+, M3+, the charge-off rate and receivables
 * per borrower move by less than 10 % between year 2 and year 10. The scenarios' own start does
 * it: new stages of life ({@code population.behaviour.life_stage_monthly: 0.01}), a burn-in run
 * once for every replication ({@code horizon.shared_start}) of 60 months in baseline.yaml and 240
 * in the over-borrowing pair, whose easy-credit market settles slowly.
 *
 * <p>Run here, 40,000 borrowers and 4 replications (so that the Monte Carlo error of a year's mean
 * is a few per cent), are the four distinct markets: the baseline, funding-squeeze (its own funders
 * and covenants) and the over-borrowing pair. Measured, M1+, M3+, charge-offs, receivables:
 * baseline -0.1 %, +1.3 %, +5.5 %, -5.8 %; funding-squeeze -8.4 %, -8.2 %, -0.1 %, -5.7 %;
 * easy-credit -5.9 %, -5.1 %, -4.1 %, -4.3 %; prudent +3.1 %, +4.6 %, +1.2 %, -0.7 %. The other
 * China scenarios differ from the baseline only in their economy paths and policy events, which
 * the check flattens and removes, so {@link #theOtherChinaScenariosAreTheBaselineMarketWithItsStart}
 * checks that cheaply instead (measured all the same: the downturns and supervisory scenarios give
 * the baseline's figures to the digit, validation/china-2020, flat at its own month-1
 * unemployment, +0.4 %, +2.2 %, +6.5 %, -5.8 %).
 */
class SteadyStateTest {

    @ParameterizedTest
    @ValueSource(strings = {"baseline", "funding-squeeze", "over-borrowing/easy-credit", "over-borrowing/prudent"})
    void aCalmMarketStaysWhereItStarts(String name) {
        Path file = Path.of("scenarios", name + ".yaml");
        List<String> overrides = new ArrayList<>(List.of("population.size=40000", "replications=4"));
        overrides.addAll(SteadyState.flatEconomy(ScenarioLoader.load(file, List.of()).scenario(), 10));
        RunResult run = Scenarios.run(ScenarioLoader.load(file, overrides), 2);
        List<SteadyState.Row> rows = SteadyState.drift(run, SteadyState.TOLERANCE);
        String table = name + ":\n" + SteadyState.table(rows, 10, SteadyState.TOLERANCE);
        System.out.println(table);
        assertTrue(rows.stream().allMatch(SteadyState.Row::steady), "a flat economy moves by 10 % or more between year 2 and year 10: " + table);
    }

    /** The China scenarios: every shipped scenario but the US card market's and the tape example's. */
    static List<Path> chinaScenarios() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("scenarios"))) {
            return files.filter(p -> p.toString().endsWith(".yaml"))
                    .filter(p -> !p.startsWith(Path.of("scenarios", "us-card")) && !p.getFileName().toString().startsWith("us-card-")
                            && !p.startsWith(Path.of("scenarios", "books")))
                    .sorted().toList();
        }
    }

    /**
     * Every other China scenario has the baseline's start and, flattened, the baseline's market:
     * the same population, products, lenders, funders, channels, bureau, courts and
     * classification, so the runs above stand for them.
     */
    @Test
    void theOtherChinaScenariosAreTheBaselineMarketWithItsStart() throws IOException {
        Scenario baseline = flat(Path.of("scenarios", "baseline.yaml"));
        List<Path> all = chinaScenarios();
        assertTrue(all.size() >= 10, "found " + all);
        List<String> sameMarket = List.of("mild-downturn.yaml", "severe-downturn.yaml", "adverse.yaml", "severely-adverse.yaml",
                "china-2020.yaml");
        for (Path file : all) {
            Scenario s = flat(file);
            var behaviour = s.population().behaviour();
            assertEquals(0.01, behaviour.lifeStageMonthly(), file + ": new stages of life");
            assertTrue(s.horizon().sharedStart(), file + ": a shared start");
            assertTrue(s.horizon().burnInMonths() >= 60, file + ": five years of burn-in at least");
            String fileName = file.getFileName().toString();
            if (sameMarket.contains(fileName) || file.equals(Path.of("scenarios", "supervisory", "baseline.yaml"))) {
                assertEquals(baseline.horizon().burnInMonths(), s.horizon().burnInMonths(), file.toString());
                assertEquals(baseline.population(), s.population(), file + ": population");
                assertEquals(baseline.products(), s.products(), file + ": products");
                assertEquals(baseline.lenders(), s.lenders(), file + ": lenders");
                assertEquals(baseline.funders(), s.funders(), file + ": funders");
                assertEquals(baseline.contagion(), s.contagion(), file + ": channels");
                assertEquals(baseline.bureau(), s.bureau(), file + ": bureau");
                assertEquals(baseline.courts(), s.courts(), file + ": courts");
                assertEquals(baseline.classification(), s.classification(), file + ": classification");
                assertTrue(s.policyEvents().isEmpty(), file + ": no policy events in the check");
            }
        }
    }

    private static Scenario flat(Path file) {
        return ScenarioLoader.load(file, SteadyState.flatEconomy(ScenarioLoader.load(file, List.of()).scenario(), 10)).scenario();
    }
}

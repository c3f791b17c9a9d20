package org.creditstress.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.creditstress.experiment.steady.SteadyState;
import org.creditstress.run.RunResult;
import org.creditstress.scenario.ScenarioLoader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A steady start, opted into: a shipped scenario with new stages of life
 * ({@code population.behaviour.life_stage_monthly=0.01}), its economy held flat at its month-1
 * levels and no policy events ({@link SteadyState#flatEconomy}, what {@code creditstress steady}
 * runs), burnt in once
 * ({@code horizon.shared_start}) for five years and run for ten: M1+, M3+, the charge-off rate and
 * receivables per borrower move by less than 12 % between year 2 and year 10 (issue 10's
 * stationarity test). Measured: baseline -0.1 %, +1.3 %, +5.5 %, -5.8 %; prudent +3.1 %, +4.7 %,
 * +10.5 %, -1.4 %. (Before the application risk saw segment, employment and debt service, the
 * bound was 10 % against baseline +0.9 %, +2.3 %, +0.8 %, -5.3 % and prudent -1.3 %, +0.4 %,
 * +7.8 %, -1.0 %: lenders now select on the segment too, which a new stage of life does not redraw.)
 * 40,000 borrowers and 4 replications, so that the Monte Carlo error of a year's mean is a few
 * per cent. The shipped scenarios themselves keep traits for life and 24 months of burn-in (their
 * calibration); the baseline among them drifts by 15 % (docs/model.md, the open market).
 *
 * <p>{@code funding-squeeze} is steady too (-8.4 %, -8.2 %, -0.1 %, -5.7 %) since its loss tests
 * look at the last twelve months and its covenants sit above PlatformB's calm peak: before, a loss
 * rate cumulated since month 1 breached in a flat economy and both lenders failed. The mild and
 * severe downturns and the supervisory scenarios, flattened, are the baseline to the digit, so they
 * are not run again. Not steady, and not tested here (docs/model.md, the open market, has each
 * shipped market's figures, from {@code creditstress steady}): the card markets, whose revolving
 * balances take longer than the burn-in to build up, and {@code over-borrowing/easy-credit}, whose
 * weaker lender opens near its tightening trigger and shrinks in the first recorded years.
 */
class SteadyStateTest {

    @ParameterizedTest
    @ValueSource(strings = {"baseline", "over-borrowing/prudent", "funding-squeeze"})
    void aCalmMarketStaysWhereItStarts(String name) {
        Path file = Path.of("scenarios", name + ".yaml");
        List<String> overrides = new ArrayList<>(List.of("population.size=40000", "replications=4",
                "population.behaviour.life_stage_monthly=0.01", "horizon.burn_in_months=60", "horizon.shared_start=true"));
        overrides.addAll(SteadyState.flatEconomy(ScenarioLoader.load(file, List.of()).scenario(), 10));
        RunResult run = Scenarios.run(ScenarioLoader.load(file, overrides), 2);
        List<SteadyState.Row> rows = SteadyState.drift(run, 0.12);
        String table = name + ":\n" + SteadyState.table(rows, 10, 0.12);
        System.out.println(table);
        assertTrue(rows.stream().allMatch(SteadyState.Row::steady), "a flat economy moves by 12 % or more between year 2 and year 10: " + table);
    }
}

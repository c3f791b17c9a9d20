package org.creditstress.model.lender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.creditstress.scenario.LoadedScenario;
import org.creditstress.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/** The liquidity measures of one lender's month. */
class LiquidityMeasuresTest {

    private static LenderState lender() {
        LoadedScenario s = ScenarioLoader.load(java.nio.file.Path.of("scenarios/funding-squeeze.yaml"), List.of());
        return new LenderState(0, s.scenario().lenders().get(0), 0.0);
    }

    @Test
    void aLenderWhoseLinesAreCutAndWhoseInflowsStopSurvivesCashOverOutflows() {
        LenderState l = lender();
        l.cash = 1200;
        l.linesDrawn = 0;
        l.outflows = 300;
        l.inflows = 0;
        assertEquals(4.0, l.survivalMonths(), 1e-12);
        assertEquals(1200.0 / 300.0, l.liquidityCoverageRatio(), 1e-12, "no inflows to count: LCR = cash / outflows");
    }

    @Test
    void inflowsCountForAtMostThreeQuartersOfOutflowsInTheLcr() {
        LenderState l = lender();
        l.cash = 100;
        l.outflows = 400;
        l.inflows = 1000;
        assertEquals(100.0 / (400 - 300), l.liquidityCoverageRatio(), 1e-12);
        assertTrue(Double.isNaN(l.survivalMonths()), "inflows exceed outflows: cash is not running down");
    }
}

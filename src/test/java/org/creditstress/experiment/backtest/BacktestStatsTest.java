package org.creditstress.experiment.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BacktestStatsTest {

    @Test
    void periodsParseQuartersAndMonths() {
        assertEquals(new Period(1990 * 12 + 6, 3), Period.parse("1990Q3"));
        assertEquals(new Period(2020 * 12 + 4, 1), Period.parse("2020-05"));
        assertEquals(new Period(2020 * 12 + 4, 1), Period.parse("2020-05-31"));
        assertEquals("1990Q3", Period.parse("1990Q3").toString());
        assertEquals("2020-05", Period.parse("2020-05-31").toString());
        assertEquals(1990.625, Period.parse("1990Q3").year(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> Period.parse("1990Q5"));
        assertThrows(IllegalArgumentException.class, () -> Period.parse("2020-13"));
    }

    @Test
    void mappingsReadUnitsAndAggregations() {
        Mapping m = Mapping.parse("chargeoff_rate_annualised=chargeoff_rate_pct:percent");
        assertEquals(0.01, m.scale());
        assertEquals(Mapping.Aggregation.MEAN, m.aggregation());
        assertEquals(Mapping.Aggregation.LAST, Mapping.parse("a=b:last").aggregation());
        assertEquals(6.0, Mapping.Aggregation.SUM.apply(new double[] {1, 2, 3}));
        assertEquals(2.0, Mapping.Aggregation.MEAN.apply(new double[] {1, Double.NaN, 3}));
        assertThrows(IllegalArgumentException.class, () -> Mapping.parse("a=b:percent:share"));
    }

    /** A series exp(0.2 u) with u in points: elasticity 0.2 exactly; the model half as steep and one period late. */
    @Test
    void statisticsOfAKnownPair() {
        double[] u = {5.0, 5.5, 6.5, 7.5, 7.0, 6.0};
        List<Backtest.Row> rows = new ArrayList<>();
        for (int i = 0; i < u.length; i++) {
            double obs = 0.03 * Math.exp(0.2 * u[i]);
            double model = 0.01 * Math.exp(0.1 * u[Math.max(0, i - 1)]);
            rows.add(new Backtest.Row(new Period(1990 * 12 + 3 * i, 3), 1 + 3 * i, obs, model, model, model,
                    u[i] / 100, u[Math.max(0, i - 1)] / 100));
        }
        Backtest.Window w = Backtest.Window.parse("test", "1990Q1:1991Q2", 3);
        Backtest.Stats s = Backtest.stats(w, rows);
        assertEquals(6, s.periods());
        assertEquals(0.2, s.observedElasticity(), 1e-9);
        assertEquals(0.1, s.modelElasticity(), 1e-9);
        assertEquals("1990Q4", s.observedPeakPeriod().toString());
        assertEquals("1991Q1", s.modelPeakPeriod().toString());
        assertEquals(1, s.peakTiming());
        assertEquals(0.03 * Math.exp(1.5), s.observedPeak(), 1e-15);
        assertTrue(s.rmse() > 0);
        assertTrue(s.changeCorrelation() < 1);
    }
}

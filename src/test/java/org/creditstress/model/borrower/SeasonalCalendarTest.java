package org.creditstress.model.borrower;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Weights become multipliers with an annual mean of 1; a flat calendar is exactly 1. */
class SeasonalCalendarTest {
    private static final List<Double> CHINA = List.of(1.00, 0.68, 1.02, 0.90, 0.94, 1.11, 0.85, 0.93, 0.92, 1.01, 1.42, 1.22);

    @Test
    void multipliersAverageOneAndKeepTheShape() {
        SeasonalCalendar calendar = new SeasonalCalendar(CHINA);
        double sum = 0;
        for (int m = 1; m <= 12; m++) {
            sum += calendar.multiplier(m);
        }
        assertEquals(12.0, sum, 1e-12);
        assertEquals(1.42, calendar.multiplier(11), 1e-12, "the shipped weights already average 1");
        assertEquals(1.11, calendar.multiplier(6), 1e-12);
    }

    @Test
    void anyScaleGivesTheSameCalendar() {
        List<Double> sales = CHINA.stream().map(w -> 710.3 * w).toList();
        SeasonalCalendar fromSales = new SeasonalCalendar(sales);
        SeasonalCalendar fromMultipliers = new SeasonalCalendar(CHINA);
        for (int m = 1; m <= 12; m++) {
            assertEquals(fromMultipliers.multiplier(m), fromSales.multiplier(m), 1e-12, "month " + m);
        }
    }

    @Test
    void equalWeightsAreExactlyOne() {
        for (double w : new double[] {1.0, 0.1, 2.5, 1e6}) {
            SeasonalCalendar flat = new SeasonalCalendar(Collections.nCopies(12, w));
            for (int m = 1; m <= 12; m++) {
                assertEquals(1.0, flat.multiplier(m), 0.0, "weight " + w + ", month " + m);
            }
        }
    }

    @Test
    void needsTwelvePositiveWeights() {
        assertThrows(IllegalArgumentException.class, () -> new SeasonalCalendar(Collections.nCopies(11, 1.0)));
        assertThrows(IllegalArgumentException.class,
                () -> new SeasonalCalendar(List.of(1.0, 1.0, 1.0, 1.0, 1.0, 0.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0)));
    }
}

package org.creditstress.experiment.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BinomialIntervalTest {

    /** Reference values: R's prop.test(k, n, correct = FALSE)$conf.int / statsmodels proportion_confint(method="wilson"). */
    @Test
    void matchesPublishedWilsonIntervals() {
        BinomialInterval half = BinomialInterval.wilson(5, 10);
        assertEquals(0.2365931, half.low(), 1e-6);
        assertEquals(0.7634069, half.high(), 1e-6);
        BinomialInterval none = BinomialInterval.wilson(0, 10);
        assertEquals(0.0, none.low(), 1e-12);
        assertEquals(0.2775328, none.high(), 1e-6);
        BinomialInterval all = BinomialInterval.wilson(20, 20);
        assertEquals(0.8388748, all.low(), 1e-6);
        assertEquals(1.0, all.high(), 1e-12);
        BinomialInterval some = BinomialInterval.wilson(81, 263);
        assertEquals(0.2553, some.low(), 1e-4);
        assertEquals(0.3662, some.high(), 1e-4);
    }

    @Test
    void narrowsWithMoreTrialsAndContainsTheShare() {
        for (int n : new int[] {2, 10, 100, 1000}) {
            BinomialInterval ci = BinomialInterval.wilson(n / 2, n);
            assertTrue(ci.low() <= 0.5 && 0.5 <= ci.high());
        }
        assertTrue(BinomialInterval.wilson(50, 100).high() - BinomialInterval.wilson(50, 100).low()
                < BinomialInterval.wilson(5, 10).high() - BinomialInterval.wilson(5, 10).low());
        assertThrows(IllegalArgumentException.class, () -> BinomialInterval.wilson(3, 2));
        assertThrows(IllegalArgumentException.class, () -> BinomialInterval.wilson(0, 0));
    }
}

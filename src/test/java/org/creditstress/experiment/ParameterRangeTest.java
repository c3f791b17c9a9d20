package org.creditstress.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ParameterRangeTest {

    @Test
    void parsesKeyAndRange() {
        ParameterRange r = ParameterRange.parse("economy.unemployment.shock_level=0.06:0.12");
        assertEquals("economy.unemployment.shock_level", r.key());
        assertEquals(0.06, r.low());
        assertEquals(0.12, r.high());
        assertFalse(r.integer());
        assertEquals(0.09, r.at(0.5), 1e-15);
        assertEquals(0.5, r.unit(0.09), 1e-12);
        assertEquals(0.12, r.at(1.0));
        assertEquals("economy.unemployment.shock_level=0.075", r.override(0.075));
        ParameterRange negative = ParameterRange.parse("economy.income_growth.shock_level=-0.06:-0.01");
        assertEquals(-0.06, negative.low());
    }

    @Test
    void writesValuesAsPlainDecimalsThatYamlReadsAsNumbers() {
        ParameterRange r = ParameterRange.forKey("economy.labour_market.job_loss_monthly", "0:0.001");
        assertEquals("0.00001", r.format(1e-5));
        assertEquals("0", r.format(0.0));
        assertEquals("1", r.format(1.0));
    }

    @Test
    void integerKeysTakeWholeValues() {
        ParameterRange r = ParameterRange.forKey("lenders[0].write_off_months", "2.5:9");
        assertTrue(r.integer());
        assertEquals(3, r.low());
        assertEquals(9, r.high());
        assertEquals(6, r.at(0.5));
        assertEquals("lenders[0].write_off_months=6", r.override(6));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ParameterRange.forKey("lenders[0].write_off_months", "3.2:3.8"));
        assertTrue(e.getMessage().contains("fewer than two"), e.getMessage());
    }

    @Test
    void rejectsMalformedRangesAndKeysThatHoldNoNumber() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ParameterRange.parse("shock_level:0.1"))
                .getMessage().contains("KEY=LO:HI"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ParameterRange.parse("a.b=0.1"))
                .getMessage().contains("LO:HI"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ParameterRange.parse("a.b=0.1:x"))
                .getMessage().contains("'x' is not a number"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ParameterRange.parse("a.b=0.2:0.1"))
                .getMessage().contains("below its high end"));
        assertThrows(IllegalArgumentException.class, () -> ParameterRange.parse("a.b=0.1:0.1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ParameterRange.parse("economy.labour_market.mode=0:1"))
                .getMessage().contains("only number and integer keys"));
    }

    @Test
    void findsKeysInTheSchemaThroughListIndexes() {
        assertTrue(ParameterRange.schemaKey("lenders[1].model_quality").isPresent());
        assertTrue(ParameterRange.schemaKey("lenders.1.balance_sheet.min_capital_ratio").isPresent());
        assertTrue(ParameterRange.schemaKey("population.behaviour.present_bias.median").isPresent());
        assertFalse(ParameterRange.schemaKey("economy.unemployment.shok_level").isPresent());
        assertFalse(ParameterRange.schemaKey("economy").isPresent());
        assertFalse(ParameterRange.schemaKey("a..b").isPresent());
    }
}

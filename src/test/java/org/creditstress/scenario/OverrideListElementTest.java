package org.creditstress.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** --set can address one element of a list of numbers (so experiments can vary it). */
class OverrideListElementTest {
    private static final Path BASELINE = Path.of("scenarios/baseline.yaml");

    @Test
    void setsOneElementOfANumberList() {
        Scenario s = ScenarioLoader.load(BASELINE, List.of("lenders[1].collection.cure_probability[0]=0.4")).scenario();
        assertEquals(List.of(0.4, 0.1875, 0.0625, 0.025), s.lenders().get(1).collection().cureProbability());
        assertEquals(0.75, s.lenders().get(0).collection().cureProbability().get(0), 0.0, "the other lender is untouched");
    }

    @Test
    void anElementOutOfRangeOrIndexIsAnError() {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> ScenarioLoader.load(BASELINE, List.of("lenders[1].collection.cure_probability[0]=1.4")));
        assertTrue(e.getMessage().contains("must be in [0, 1]"), e.getMessage());
        e = assertThrows(ScenarioException.class,
                () -> ScenarioLoader.load(BASELINE, List.of("lenders[1].collection.cure_probability[7]=0.1")));
        assertTrue(e.getMessage().contains("index 7 is out of range"), e.getMessage());
    }
}

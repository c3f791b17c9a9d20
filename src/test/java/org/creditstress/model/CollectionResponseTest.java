package org.creditstress.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.creditstress.run.RunResult;
import org.junit.jupiter.api.Test;

/**
 * Collection with a response: cures rise with collection spend, with diminishing returns, and are
 * paid with the borrower's savings or a bounded family-help reserve, never from nowhere. Runs share
 * the seed (common random numbers).
 */
class CollectionResponseTest {

    private static RunResult baseline(String... overrides) {
        List<String> all = new ArrayList<>(List.of("horizon.months=24"));
        all.addAll(List.of(overrides));
        return Scenarios.run(Scenarios.shipped("baseline", all.toArray(String[]::new)), 2);
    }

    private static String[] spend(double factor) {
        List<String> o = new ArrayList<>();
        for (int l = 0; l < 2; l++) {
            double[] base = {5, 20, 60, 120};
            StringBuilder sb = new StringBuilder("lenders[" + l + "].collection.cost_per_account=[");
            for (int k = 0; k < 4; k++) {
                sb.append(k == 0 ? "" : ",").append(base[k] * factor);
            }
            o.add(sb.append("]").toString());
        }
        return o.toArray(String[]::new);
    }

    @Test
    void moreCollectionSpendCuresMoreWithDiminishingReturns() {
        double c1 = Scenarios.total(baseline(spend(0.5)), "cures_by_collection");
        double c2 = Scenarios.total(baseline(spend(1)), "cures_by_collection");
        double c4 = Scenarios.total(baseline(spend(2)), "cures_by_collection");
        double none = Scenarios.total(baseline(spend(0)), "cures_by_collection");
        assertEquals(0.0, none, "no spend, no collection cures");
        assertTrue(c1 < c2 && c2 < c4, "cures rise with spend: " + c1 + ", " + c2 + ", " + c4);
        assertTrue(c4 - c2 < c2 - c1, "each doubling adds less: +" + (c2 - c1) + " then +" + (c4 - c2));
    }

    @Test
    void withNoSavingsToSpareAndNoFamilyHelpCollectionCuresNothing() {
        List<String> o = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            o.add("population.segments[" + k + "].family_help_months=0");
            o.add("population.segments[" + k + "].strategic_share=0");
        }
        RunResult run = baseline(o.toArray(String[]::new));
        // Honest borrowers pay all they have in the repayment phase, so the arrears left are what savings could not cover.
        assertEquals(0.0, Scenarios.total(run, "cures_by_collection"));
        assertTrue(Scenarios.mean(run, "m1plus_ratio") > Scenarios.mean(baseline(), "m1plus_ratio"),
                "without help, fewer cures and more arrears");
    }

    @Test
    void aBottomlessFamilyGivesTheCuresTheProbabilityAlone() {
        List<String> o = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            o.add("population.segments[" + k + "].family_help_months=120");
        }
        double bottomless = Scenarios.total(baseline(o.toArray(String[]::new)), "cures_by_collection");
        double bounded = Scenarios.total(baseline(), "cures_by_collection");
        assertTrue(bottomless > bounded, "a bounded reserve runs out: " + bounded + " cures against " + bottomless);
    }
}

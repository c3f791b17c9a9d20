package org.creditstress.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.creditstress.run.RunResult;
import org.junit.jupiter.api.Test;

/**
 * Strategic default as a decision: a strategic defaulter weighs its debt against the expected
 * cost of a lawsuit (the lender's litigation policy and the courts' queue) and of its score. Runs
 * share the seed (common random numbers); a fifth of every segment is strategic.
 */
class StrategicDefaultTest {

    private static RunResult run(String... overrides) {
        List<String> all = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            all.add("population.segments[" + k + "].strategic_share=0.2");
        }
        all.add("horizon.months=24");
        all.addAll(List.of(overrides));
        return Scenarios.run(Scenarios.shipped("baseline", all.toArray(String[]::new)), 2);
    }

    @Test
    void strategicDefaultersWithholdMoreWhenNobodySuesOrTheCourtsAreFullThanWhenLitigationIsLikely() {
        double neverSued = Scenarios.total(run("lenders[0].litigation.enabled=false", "lenders[1].litigation.enabled=false"),
                "strategic_withholding");
        double likely = Scenarios.total(run("lenders[0].litigation.min_balance=0", "lenders[1].litigation.min_balance=0",
                "courts.capacity_per_100k=100000"), "strategic_withholding");
        double courtsFull = Scenarios.total(run("lenders[0].litigation.min_balance=0", "lenders[1].litigation.min_balance=0",
                "courts.capacity_per_100k=0.01"), "strategic_withholding");
        assertTrue(likely > 0, "some still walk away: " + likely);
        assertTrue(neverSued > 3 * likely, "lenders that never sue: " + neverSued + " withheld account-months, against "
                + likely + " when a lawsuit is likely");
        assertTrue(courtsFull > 3 * likely, "full courts make the threat empty: " + courtsFull + " against " + likely);
        assertTrue(courtsFull <= neverSued, "full courts still hear a few cases: " + courtsFull + " against " + neverSued);
    }

    @Test
    void theScoreDamageKeepsStrategicDefaultersPaying() {
        double cheap = Scenarios.total(run("population.behaviour.strategic_score_cost_months=0"), "strategic_withholding");
        double dear = Scenarios.total(run("population.behaviour.strategic_score_cost_months=3"), "strategic_withholding");
        assertTrue(dear < 0.5 * cheap, "a score worth three months of income: " + dear + " against " + cheap + " when worthless");
    }
}

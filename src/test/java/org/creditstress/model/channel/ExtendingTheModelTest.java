package org.creditstress.model.channel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.creditstress.run.Experiment;
import org.creditstress.metric.Metric;
import org.creditstress.model.Catalogue;
import org.creditstress.model.CreditMarket;
import org.creditstress.model.MonthPhase;
import org.creditstress.model.Wiring;
import org.creditstress.model.borrower.AccountTable;
import org.creditstress.model.engine.ChunkExecutor;
import org.creditstress.model.policy.PolicyContext;
import org.creditstress.model.policy.PolicyEvent;
import org.creditstress.scenario.PolicyEventSpec;
import org.creditstress.scenario.Scenario;
import org.creditstress.scenario.ScenarioException;
import org.creditstress.scenario.ScenarioLoader;
import org.creditstress.scenario.schema.Section;
import org.junit.jupiter.api.Test;
import sim.engine.Steppable;

/**
 * What a newcomer does to add a contagion channel or a policy event: one class each, plus its
 * registry line ({@code with(...)} here, a line in {@code standard()} in the code). The scenario
 * key comes from the class; the scenario switches the new mechanism on and off.
 */
class ExtendingTheModelTest {

    /**
     * A toy channel: rumours about the platforms make every lender shave {@code rumour_cut} off
     * every open account's limit each month from month 1.
     */
    static final class RumourChannel implements ContagionChannel {
        @Override
        public String key() {
            return "rumours";
        }

        @Override
        public String description() {
            return "Rumours make lenders shave limits every month.";
        }

        @Override
        public boolean onByDefault() {
            return false;
        }

        @Override
        public Section settings(Section contagion) {
            return contagion.number("rumour_cut", 0.05, 0, 1, "share a month", "Limit cut per month.");
        }

        @Override
        public void wire(Wiring wiring) {
            double cut = wiring.scenario().contagion().number("rumour_cut");
            wiring.schedule(MonthPhase.TIGHTENING, built -> (Steppable) state -> {
                if (built.market().month() < 1) {
                    return;
                }
                AccountTable acc = built.market().accounts;
                for (int a = 0; a < acc.size; a++) {
                    acc.limit[a] *= (float) (1.0 - cut);
                }
            });
        }
    }

    /** A toy policy: from its month, no limit may exceed {@code value} yuan (nor fall below the balance). */
    static final class LimitCeiling implements PolicyEvent {
        @Override
        public String kind() {
            return "limit_ceiling";
        }

        @Override
        public String meaning() {
            return "no limit may exceed value yuan";
        }

        @Override
        public List<org.creditstress.scenario.ScenarioRule.Problem> check(PolicyEventSpec event, String path,
                                                                    org.creditstress.scenario.Scenario scenario) {
            return List.of();
        }

        @Override
        public void apply(PolicyContext context, PolicyEventSpec event, boolean first) {
            AccountTable acc = context.market().accounts;
            for (int a = 0; a < acc.size; a++) {
                acc.limit[a] = (float) Math.max(acc.balance(a), Math.min(acc.limit[a], event.value()));
            }
        }
    }

    private static final Catalogue EXTENDED = Catalogue.standard().with(new RumourChannel()).with(new LimitCeiling());

    private static Scenario load(Catalogue catalogue, String... overrides) {
        List<String> all = new java.util.ArrayList<>(List.of("population.size=3000", "horizon.months=12", "horizon.burn_in_months=6"));
        all.addAll(List.of(overrides));
        return ScenarioLoader.load(catalogue.format(), Path.of("scenarios", "baseline.yaml"), all).scenario();
    }

    private static double[] receivables(Catalogue catalogue, Scenario s) {
        List<Metric> metrics = Experiment.registry(s).metrics();
        int j = 0;
        while (!metrics.get(j).name().equals("receivables")) {
            j++;
        }
        try (ChunkExecutor executor = new ChunkExecutor(1)) {
            double[][] v = new CreditMarket(catalogue, s, 7L, executor, metrics).runToEnd();
            double[] out = new double[v.length];
            for (int t = 0; t < v.length; t++) {
                out[t] = v[t][j];
            }
            return out;
        }
    }

    @Test
    void aNewChannelIsSwitchedByTheKeyItDeclaresAndOffLeavesTheRunAsWithoutIt() {
        double[] standard = receivables(Catalogue.standard(), load(Catalogue.standard()));
        double[] off = receivables(EXTENDED, load(EXTENDED, "contagion.rumours=false"));
        double[] on = receivables(EXTENDED, load(EXTENDED, "contagion.rumours=true", "contagion.rumour_cut=0.2"));
        assertArrayEquals(standard, off, "a channel switched off must not change anything");
        assertTrue(on[11] < 0.9 * off[11], "limits shaved 20 % a month must shrink receivables: " + on[11] + " vs " + off[11]);
        assertEquals(off[0], standard[0]);
    }

    @Test
    void aNewPolicyEventIsAKindTheScenarioCanName() {
        Scenario base = load(EXTENDED);
        Scenario capped = load(EXTENDED, "policy_events=[{month: 3, kind: limit_ceiling, value: 500}]");
        double[] before = receivables(EXTENDED, base);
        double[] after = receivables(EXTENDED, capped);
        assertEquals(before[1], after[1], "the policy acts from its month on");
        assertTrue(after[11] < 0.8 * before[11], "a 500-yuan ceiling must shrink receivables: " + after[11] + " vs " + before[11]);
    }

    @Test
    void theStandardFormatKnowsNeitherToy() {
        assertThrows(ScenarioException.class, () -> load(Catalogue.standard(), "contagion.rumours=true"));
        assertThrows(ScenarioException.class,
                () -> load(Catalogue.standard(), "policy_events=[{month: 3, kind: limit_ceiling, value: 500}]"));
    }

    @Test
    void attributionListsEveryRegisteredChannelByItsKey() {
        ContagionChannels channels = EXTENDED.channels();
        assertEquals(List.of("common_borrowers", "loan_stacking", "credit_supply", "funding", "macro_feedback", "rumours"),
                channels.keys());
        assertTrue(channels.allOff().contains("contagion.rumours=false"));
        assertEquals("rumours", channels.parse("Rumours").key());
    }
}

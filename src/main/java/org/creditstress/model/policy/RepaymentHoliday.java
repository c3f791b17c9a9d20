package org.creditstress.model.policy;

import java.util.List;
import org.creditstress.model.Market;
import org.creditstress.model.borrower.AccountTable;
import org.creditstress.model.borrower.BorrowerTable;
import org.creditstress.model.engine.CounterRandom;
import org.creditstress.model.engine.RandomStream;
import org.creditstress.scenario.PolicyEventSpec;
import org.creditstress.scenario.ScenarioRule;

/**
 * A repayment holiday: in its first month, borrowers who take it up get {@code months} months
 * without a bill on their eligible open accounts (interest added to principal, as for a
 * restructuring grace period). Eligible by default are accounts that are current
 * ({@code eligibility: current}), as lenders granted deferrals in 2020; {@code all} also freezes
 * accounts already past due. Each borrower applies with probability {@code take_up} (a
 * counter-based draw of borrower and month, so the same borrowers apply whatever else changes).
 * Accounts already past due and not eligible keep rolling toward write-off as before.
 */
final class RepaymentHoliday implements PolicyEvent {

    @Override
    public String kind() {
        return "repayment_holiday";
    }

    @Override
    public String meaning() {
        return "no bills for `months` months on eligible accounts of borrowers who take it up (`eligibility`, `take_up`), "
                + "interest added to principal";
    }

    @Override
    public List<ScenarioRule.Problem> check(PolicyEventSpec event, String path, org.creditstress.scenario.Scenario scenario) {
        return event.months() == 0
                ? List.of(new ScenarioRule.Problem(path + ".months", "a repayment holiday needs a length in months"))
                : List.of();
    }

    @Override
    public void apply(PolicyContext c, PolicyEventSpec e, boolean first) {
        if (!first) {
            return;
        }
        Market market = c.market();
        AccountTable acc = market.accounts;
        BorrowerTable b = market.borrowers;
        int months = e.months();
        boolean delinquentToo = "all".equals(e.eligibility());
        double takeUp = e.takeUp();
        int month = market.month();
        CounterRandom applies = new CounterRandom(market.seeds, RandomStream.RELIEF);
        market.executor.forEachChunk(market.chunks, (chunk, from, to) -> {
            for (int i = from; i < to; i++) {
                if (takeUp < 1.0 && applies.uniform(i, month, 0) >= takeUp) {
                    continue;
                }
                for (int a = b.firstAccount[i]; a < b.firstAccount[i + 1]; a++) {
                    if (acc.status[a] == AccountTable.OPEN && (delinquentToo || acc.monthsPastDue[a] == 0)) {
                        acc.graceLeft[a] = (byte) Math.min(Byte.MAX_VALUE, Math.max(acc.graceLeft[a], months));
                    }
                }
            }
        });
    }
}

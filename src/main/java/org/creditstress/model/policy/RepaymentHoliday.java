package org.creditstress.model.policy;

import java.util.List;
import org.creditstress.model.Market;
import org.creditstress.model.borrower.AccountTable;
import org.creditstress.scenario.PolicyEventSpec;
import org.creditstress.scenario.ScenarioRule;

/**
 * A repayment holiday: in its first month every open account gets {@code months} months without a
 * bill (interest added to principal, as for a restructuring grace period).
 */
final class RepaymentHoliday implements PolicyEvent {

    @Override
    public String kind() {
        return "repayment_holiday";
    }

    @Override
    public String meaning() {
        return "no bills for `months` months, interest added to principal";
    }

    @Override
    public List<ScenarioRule.Problem> check(PolicyEventSpec event, String path) {
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
        int months = e.months();
        market.executor.forEachChunk(market.chunks, (chunk, from, to) -> {
            for (int a = market.borrowers.firstAccount[from]; a < market.borrowers.firstAccount[to]; a++) {
                if (acc.status[a] == AccountTable.OPEN) {
                    acc.graceLeft[a] = (byte) Math.min(Byte.MAX_VALUE, Math.max(acc.graceLeft[a], months));
                }
            }
        });
    }
}

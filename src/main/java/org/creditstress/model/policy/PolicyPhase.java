package org.creditstress.model.policy;

import org.creditstress.model.Market;
import org.creditstress.model.borrower.AccountTable;
import org.creditstress.model.borrower.BorrowerTable;
import org.creditstress.scenario.PolicyEventSpec;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * Phase 1b of the month: the scenario's policy events. Lasting policies (APR cap, bureau mandate,
 * court capacity, capital and liquidity requirements, own-funding share, income support while it
 * lasts) are set in the {@link PolicyState} that mechanisms read; one-off policies act here:
 * a repayment holiday gives every open account {@code months} months without a bill (interest
 * added to principal, as for restructuring grace), and a literacy campaign raises every borrower's
 * literacy by {@code value} of its gap to 1.
 */
public final class PolicyPhase implements Steppable {
    private static final long serialVersionUID = 1L;
    private final transient Market market;

    public PolicyPhase(Market market) {
        this.market = market;
    }

    @Override
    public void step(SimState state) {
        int month = market.month();
        PolicyState p = market.policy;
        p.incomeSupportShare = 0;
        for (PolicyEventSpec e : market.scenario.policyEvents()) {
            if (!e.inForce(month)) {
                continue;
            }
            boolean first = month == e.month();
            switch (e.kind()) {
                case APR_CAP -> p.aprCap = Double.isNaN(p.aprCap) ? e.value() : Math.min(p.aprCap, e.value());
                case INCOME_SUPPORT -> p.incomeSupportShare += e.value();
                case BUREAU_MANDATE -> p.bureauCoverage = e.value();
                case COURT_CAPACITY -> p.courtCapacityPer100k = e.value();
                case CAPITAL_REQUIREMENT -> p.minCapitalRatio = e.value();
                case LIQUIDITY_REQUIREMENT -> p.cashBufferRatio = e.value();
                case OWN_FUNDING_SHARE -> p.minOwnFundingShare = e.value();
                case REPAYMENT_HOLIDAY -> {
                    if (first) {
                        holiday(e.months());
                    }
                }
                case LITERACY_CAMPAIGN -> {
                    if (first) {
                        literacy(e.value());
                    }
                }
                default -> throw new IllegalStateException(e.kind().toString());
            }
        }
    }

    private void holiday(int months) {
        AccountTable acc = market.accounts;
        market.executor.forEachChunk(market.chunks, (c, from, to) -> {
            for (int a = market.borrowers.firstAccount[from]; a < market.borrowers.firstAccount[to]; a++) {
                if (acc.status[a] == AccountTable.OPEN) {
                    acc.graceLeft[a] = (byte) Math.min(Byte.MAX_VALUE, Math.max(acc.graceLeft[a], months));
                }
            }
        });
    }

    private void literacy(double share) {
        BorrowerTable b = market.borrowers;
        market.executor.forEachChunk(market.chunks, (c, from, to) -> {
            for (int i = from; i < to; i++) {
                b.literacy[i] = (float) (b.literacy[i] + share * (1.0 - b.literacy[i]));
            }
        });
    }
}

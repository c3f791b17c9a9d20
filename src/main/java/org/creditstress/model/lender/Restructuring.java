package org.creditstress.model.lender;

import org.creditstress.model.Market;
import org.creditstress.model.engine.ChunkPhase;
import org.creditstress.model.borrower.AccountTable;
import org.creditstress.model.borrower.BorrowerTable;
import org.creditstress.model.engine.Counter;
import org.creditstress.model.engine.CounterRandom;
import org.creditstress.model.engine.RandomStream;
import org.creditstress.scenario.LenderSpec;
import sim.engine.SimState;

/**
 * Phase 6b of the month: restructuring offers. An open account {@code from_months} to
 * {@code to_months} past due, not sued, restructured fewer than {@code max_times}, is offered
 * a restructuring that its borrower accepts with probability {@code acceptance} a month (a
 * fraudster never does). Accepted: the arrears are added to the principal, the account is current
 * again, the remaining term is multiplied by {@code term_extension} (a lower instalment) and
 * there is no bill for {@code grace_months}. The account stays flagged restructured, so its
 * re-defaults can be counted.
 */
public final class Restructuring implements ChunkPhase {
    private static final long serialVersionUID = 1L;
    private final Market market;
    private final Pricing pricing;
    private final CounterRandom random;
    private final boolean[] enabled;
    private final int[] fromMonths;
    private final int[] toMonths;
    private final int[] maxTimes;

    public Restructuring(Market market, Pricing pricing) {
        this.market = market;
        this.pricing = pricing;
        this.random = new CounterRandom(market.seeds, RandomStream.RESTRUCTURING);
        int n = market.lenders.size();
        enabled = new boolean[n];
        fromMonths = new int[n];
        toMonths = new int[n];
        maxTimes = new int[n];
        for (int l = 0; l < n; l++) {
            LenderSpec.Restructuring r = market.lenders.get(l).spec.restructuring();
            enabled[l] = r.enabled();
            fromMonths[l] = r.fromMonths();
            toMonths[l] = r.toMonths();
            maxTimes[l] = r.maxTimes();
        }
    }

    @Override
    public void step(SimState state) {
        runAlone(market.executor, market.chunks);
    }


    @Override
    public void stepChunk(int c, int from, int to) {
        AccountTable acc = market.accounts;
        BorrowerTable b = market.borrowers;
        int month = market.month();
        int[] pastDue = market.pastDue.of(c, from, to, month);
        for (int k = 0, n = market.pastDue.count(c); k < n; k++) {
            int a = pastDue[k];
            if (acc.status[a] != AccountTable.OPEN || acc.monthsPastDue[a] == 0) {
                continue;
            }
            int l = acc.lender[a];
            int mpd = acc.monthsPastDue[a];
            if (!enabled[l] || mpd < fromMonths[l] || mpd > toMonths[l] || acc.restructurings[a] >= maxTimes[l]
                    || acc.has(a, AccountTable.SUED) || b.fraud(acc.borrower[a])) {
                continue;
            }
            LenderSpec.Restructuring policy = market.lenders.get(l).spec.restructuring();
            if (random.uniform(a, month, 0) < policy.acceptance()) {
                if (market.trace() != null && market.trace().is(acc.borrower[a])) {
                    market.trace().account(market.month(), a).events.add(String.format(java.util.Locale.ROOT,
                            "restructured: %.0f yuan of arrears added to the principal, term x%.1f, %d months without a bill",
                            acc.arrears[a] + acc.statement[a], policy.termExtension(), policy.graceMonths()));
                }
                if (market.watch() != null) {
                    market.watch().record(org.creditstress.model.trace.EventWatch.Kind.RESTRUCTURED, market.month(), acc.borrower[a]);
                }
                restructure(acc, a, policy);
                market.ledger.count(c, Counter.RESTRUCTURED, l);
            }
        }
    }

    /**
     * Arrears, statement and revolving balance join the principal, which is re-spread as one plan
     * over {@code term_extension} times the months left (a line: at least its longest plan term),
     * starting after {@code grace_months} without a bill. A loan's fixed payment covers the
     * interest capitalised in the grace months; a line's plan carries the longest term's flat fee.
     */
    private void restructure(AccountTable acc, int a, LenderSpec.Restructuring policy) {
        acc.pool[a] += acc.arrears[a] + acc.statement[a] + acc.revolving[a];
        acc.arrears[a] = 0;
        acc.statement[a] = 0;
        acc.revolving[a] = 0;
        acc.monthsPastDue[a] = 0;
        acc.set(a, AccountTable.RESTRUCTURED);
        acc.restructurings[a]++;
        acc.graceLeft[a] = (byte) policy.graceMonths();
        int p = acc.product[a];
        int months = acc.cashLoan[a] ? Math.max(1, acc.termLeft[a]) : Math.max(acc.termLeft[a], pricing.longestPlan(p));
        int term = (int) Math.min(Byte.MAX_VALUE, Math.ceil(months * policy.termExtension()));
        if (acc.cashLoan[a]) {
            double grown = acc.pool[a] * Math.pow(1.0 + pricing.monthlyRate(a), policy.graceMonths());
            acc.reschedule(a, grown * pricing.annuityFactor(a, term), 0.0, term);
        } else {
            acc.reschedule(a, acc.pool[a] / term, acc.pool[a] * pricing.longestPlanFee(p), term);
        }
    }
}

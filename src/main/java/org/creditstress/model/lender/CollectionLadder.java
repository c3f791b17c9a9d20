package org.creditstress.model.lender;

import org.creditstress.model.Market;
import org.creditstress.model.engine.ChunkPhase;
import org.creditstress.model.borrower.AccountTable;
import org.creditstress.model.borrower.BorrowerTable;
import org.creditstress.model.engine.Counter;
import org.creditstress.model.engine.CounterRandom;
import org.creditstress.model.engine.Flow;
import org.creditstress.model.engine.RandomStream;
import sim.engine.SimState;

/**
 * Phase 6a of the month: collection. Each account past due after repayment costs its lender
 * {@code cost_per_account} of its bucket (M1, M2, M3, M4+) this month, spend {@code s}. With
 * probability {@code p = cure_probability x s / (s + effort_half_cost)} (diminishing returns to
 * effort; nothing without spend) the pressure works and the borrower tries to pay the arrears: from
 * its savings first, then from what family and friends can still give ({@code familyHelp}, a
 * reserve of {@code family_help_months} of income when it entered the market, used up, reported as
 * outside help). If the two cover the arrears the account is current again; if not, nothing is
 * paid. Fraudsters are never cured.
 */
public final class CollectionLadder implements ChunkPhase {
    private static final long serialVersionUID = 1L;
    /** The collection step each bucket gets (M1, M2, M3, M4+); litigation is {@link org.creditstress.model.court.Litigation}. */
    static final String[] STEPS = {"collection: SMS and app reminders", "collection: phone calls",
        "collection: outsourced collection agency", "collection: final demand before litigation"};
    private final Market market;
    private final CounterRandom random;
    private final double[][] cost;
    private final double[][] cure;

    public CollectionLadder(Market market) {
        this.market = market;
        this.random = new CounterRandom(market.seeds, RandomStream.COLLECTION);
        int lenders = market.lenders.size();
        cost = new double[lenders][4];
        cure = new double[lenders][4];
        for (int l = 0; l < lenders; l++) {
            var spec = market.lenders.get(l).spec.collection();
            for (int bucket = 0; bucket < 4; bucket++) {
                cost[l][bucket] = spec.costPerAccount().get(bucket);
                double spend = spec.costPerAccount().get(bucket);
                double half = spec.effortHalfCost().get(bucket);
                cure[l][bucket] = spend <= 0 ? 0.0 : spec.cureProbability().get(bucket) * spend / (spend + half);
            }
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
        int lenders = market.lenders.size();
        double[] costs = new double[lenders];
        double[] help = new double[lenders];
        double[] repaid = new double[lenders];
        int month = market.month();
        int[] pastDue = market.pastDue.of(c, from, to, month);
        for (int k = 0, n = market.pastDue.count(c); k < n; k++) {
            int a = pastDue[k];
            if (acc.status[a] != AccountTable.OPEN || acc.monthsPastDue[a] == 0) {
                continue;
            }
            double u = random.uniform(a, month, 0);
            int l = acc.lender[a];
            int bucket = Math.min(acc.monthsPastDue[a], 4) - 1;
            costs[l] += cost[l][bucket];
            boolean traced = market.trace() != null && market.trace().is(acc.borrower[a]);
            if (traced) {
                market.trace().account(market.month(), a).events.add(STEPS[bucket]);
            }
            int i = acc.borrower[a];
            if (u < cure[l][bucket] && !b.fraud(i)) {
                double arrears = acc.arrears[a];
                double own = Math.min(b.savings[i], arrears);
                double family = arrears - own;
                if (family <= b.familyHelp[i]) {
                    b.savings[i] -= own;
                    b.familyHelp[i] = (float) Math.max(0.0, b.familyHelp[i] - family);
                    help[l] += family;
                    repaid[l] += arrears;
                    acc.arrears[a] = 0;
                    acc.monthsPastDue[a] = 0;
                    market.ledger.count(c, Counter.CURES_BY_COLLECTION, l);
                    if (traced) {
                        market.trace().account(market.month(), a).events.add(String.format(java.util.Locale.ROOT,
                                "cured under collection pressure: %.0f yuan from savings, %.0f from family and friends", own, family));
                    }
                }
            }
        }
        for (int l = 0; l < lenders; l++) {
            market.ledger.add(c, Flow.COLLECTION_COST, l, costs[l]);
            market.ledger.add(c, Flow.OUTSIDE_HELP, l, help[l]);
            market.ledger.add(c, Flow.REPAYMENTS, l, repaid[l]);
        }
    }
}

package org.creditstress.model.lender;

import java.util.List;
import org.creditstress.model.Market;
import org.creditstress.model.PortfolioScan;
import org.creditstress.model.PortfolioStats;
import org.creditstress.model.engine.Flow;
import org.creditstress.model.funder.Arrangement;
import org.creditstress.model.funder.CovenantTests;
import org.creditstress.model.funder.FundingBook;
import org.creditstress.scenario.LenderSpec;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * {@code MonthPhase.LIQUIDITY_LADDER}: each lender's contractual cash-flow ladder for the next 30,
 * 60 and 90 days (months {@code j = 0, 1, 2}), built from the accounts and the funding book at the
 * end of the month, and the forward liquidity measures read from it. A measure: it changes nothing.
 *
 * <p><b>Inflows</b> (own share {@code f} = own receivables over receivables):
 * {@code I_j = f rho D_j + F_m (N_j / N)}, where {@code D_j} are the bills the accounts owe at their
 * next three cycles ({@link PortfolioStats#ladderDue}: regular bills of current accounts from their
 * exact plan and loan schedules, statements or minimum payments, and the arrears of delinquent
 * accounts in the first), {@code rho} is the lender's own observed payment rate (repayments over
 * what was due, over the last three months: above 1 where holders pay more than a minimum), and
 * {@code F_m} last month's merchant fees, scaled with the expected purchases.
 *
 * <p><b>Outflows</b>: committed disbursements and merchant settlements {@code N_j = d U} (own share
 * {@code 1 - c_j}, {@code c_j} the funders' co-lending share in month {@code j}), {@code U} the
 * undrawn limits of current accounts and {@code d} the observed draw rate (new lending over the
 * previous month's undrawn limits, three months); operating cost on the receivables, last month's
 * collection and legal costs, the funding cost; other funding maturing at {@code 1 / M} a month
 * ({@code liquidity.funding_maturity_months}, not rolled in a stress); and the covenants: each
 * arrangement not yet breached whose covenant the lender's M3+ ratio, cumulative loss rate or
 * capital ratio would breach in month {@code j} on their trend of the last three months, loses
 * {@code cut} of its line (what is drawn above the cut line is due in that month) and its co-lending
 * share from then on. A funder's stress from other lenders' losses cannot be foreseen this way.
 *
 * <p><b>Measures</b>, with cash {@code C} as the only high-quality liquid asset:
 * <ul>
 *   <li>{@code LCR = C / (O_0 - min(I_0, 0.75 O_0))} (Basel III LCR30: inflows capped at 75 % of
 *       outflows); NaN once the lender has failed;</li>
 *   <li>survival horizon as a going concern ({@link #survivalMonths}): months until
 *       {@code C + sum (h' I_j - O_j)} turns negative, {@code h' = 1 - liquidity.stress_repayment_haircut},
 *       the lender still lending and no new funding (maturing funding not rolled, lines not redrawn),
 *       the month-3 flows repeated after the ladder; fractional within a month, {@value #SURVIVAL_CAP}
 *       meaning at least that;</li>
 *   <li>survival horizon in a stressed run-off ({@link #runoffMonths}): the same with no new lending
 *       (no draws, no merchant fees), the book's inflows falling after the ladder;</li>
 *   <li>funding need: the deepest shortfall of the going-concern path over
 *       {@code liquidity.survival_target_months} (0 when cash lasts them).</li>
 * </ul>
 */
public final class LiquidityLadder implements Steppable {
    private static final long serialVersionUID = 1L;
    /** Months of the ladder: 30, 60 and 90 days. */
    public static final int BUCKETS = PortfolioStats.LADDER_BILLS;
    /** The longest survival horizon reported, months. */
    public static final int SURVIVAL_CAP = 24;
    /** Months of history behind the observed rates and the covenant trends. */
    static final int HISTORY = 3;

    private final Market market;
    private final PortfolioScan scan;
    private final Lender[] lenders;

    /** One lender's ladder and the history it is estimated from. */
    static final class Lender implements java.io.Serializable {
        final double[] inflow = new double[BUCKETS];
        final double[] outflow = new double[BUCKETS];
        /** The run-off ladder: no new lending; inflows from the accounts' bills, outflows costs, maturities and cuts. */
        final double[] runoffInflow = new double[BUCKETS];
        final double[] runoffOutflow = new double[BUCKETS];
        /** Month-on-month fall of the run-off inflows after the ladder (next bills' ratio, 0..1). */
        double runoffDecay;
        double maturing;
        double funding;
        final double[] repaid = new double[HISTORY];
        final double[] wasDue = new double[HISTORY];
        final double[] drawn = new double[HISTORY];
        final double[] undrawnBefore = new double[HISTORY];
        final double[][] covenantMetrics = new double[HISTORY + 1][3];
        double lastDue;
        double lastUndrawn;
        int months;
        boolean valid;
    }

    public LiquidityLadder(Market market, PortfolioScan scan) {
        this.market = market;
        this.scan = scan;
        lenders = new Lender[market.lenders.size()];
        for (int l = 0; l < lenders.length; l++) {
            lenders[l] = new Lender();
        }
    }

    @Override
    public void step(SimState state) {
        PortfolioStats stats = scan.stats();
        for (LenderState lender : market.lenders) {
            build(lender, stats, lenders[lender.index]);
        }
    }

    private void build(LenderState lender, PortfolioStats stats, Lender x) {
        int l = lender.index;
        var ledger = market.ledger;
        double receivables = stats.receivables[l];
        double undrawn = 0;
        for (int st = 0; st < 3; st++) {
            undrawn += stats.stageBucketUndrawn[l][st][0];
        }
        double newLending = ledger.total(Flow.PURCHASES, l) + ledger.total(Flow.DISBURSED, l);
        int slot = x.months % HISTORY;
        x.repaid[slot] = ledger.total(Flow.REPAYMENTS, l);
        x.wasDue[slot] = x.lastDue;
        x.drawn[slot] = newLending;
        x.undrawnBefore[slot] = x.lastUndrawn;
        System.arraycopy(x.covenantMetrics, 1, x.covenantMetrics, 0, HISTORY);
        x.covenantMetrics[HISTORY] = new double[] {lender.covenantM3plus(), lender.covenantLossRate(), lender.capitalRatio()};
        x.months++;
        x.lastDue = stats.ladderDue[l][0];
        x.lastUndrawn = undrawn;

        double rho = ratio(x.repaid, x.wasDue, 1.0);
        double d = ratio(x.drawn, x.undrawnBefore, 0.0);
        double own = receivables > 0 ? Math.max(0.0, Math.min(1.0, lender.ownReceivables() / receivables)) : 1.0;
        double draws = d * undrawn;
        double merchantFeeRate = newLending > 0 ? lender.pnl.merchantFees / newLending : 0.0;
        LenderSpec spec = lender.spec;
        double costs = spec.balanceSheet().operatingCostRate() / 12.0 * receivables
                + lender.pnl.collectionCost + lender.pnl.legalCost + lender.pnl.fundingCost;
        double maturing = lender.funding / Math.max(1.0, spec.liquidity().fundingMaturityMonths());

        FundingBook book = market.funding.book(l);
        List<Arrangement> arrangements = book.arrangements();
        double[] coShare = new double[arrangements.size()];
        boolean[] breached = new boolean[arrangements.size()];
        for (int k = 0; k < coShare.length; k++) {
            coShare[k] = arrangements.get(k).coLendingShare();
            breached[k] = arrangements.get(k).breached();
        }
        boolean trend = x.months > HISTORY && lender.covenantTested();
        for (int j = 0; j < BUCKETS; j++) {
            double covenantDue = 0;
            for (int k = 0; k < coShare.length; k++) {
                Arrangement a = arrangements.get(k);
                if (breached[k] || !trend) {
                    continue;
                }
                if (CovenantTests.breaches(a.spec.covenant(), projected(x, 0, j), projected(x, 1, j), projected(x, 2, j))) {
                    breached[k] = true;
                    covenantDue += Math.max(0.0, a.drawn() - (1.0 - a.spec.covenant().cut()) * a.lineLimit());
                    coShare[k] = 0.0;
                }
            }
            double funderShare = 0;
            for (double c : coShare) {
                funderShare += c;
            }
            double ownDraws = Math.max(0.0, 1.0 - funderShare) * draws;
            x.inflow[j] = own * rho * stats.ladderDue[l][j] + merchantFeeRate * draws;
            x.outflow[j] = ownDraws + costs + maturing + covenantDue;
            x.runoffInflow[j] = own * rho * stats.ladderDue[l][j];
            x.runoffOutflow[j] = costs + maturing + covenantDue;
        }
        double[] due = stats.ladderDue[l];
        x.runoffDecay = due[1] > 0 ? Math.max(0.0, Math.min(1.0, due[2] / due[1])) : 0.0;
        x.maturing = maturing;
        x.funding = lender.funding;
        x.valid = !lender.failed();

    }

    /** Covenant metric {@code m} (M3+, loss rate, capital ratio) projected to month {@code j} on its three-month trend. */
    private static double projected(Lender x, int m, int j) {
        double now = x.covenantMetrics[HISTORY][m];
        double then = x.covenantMetrics[0][m];
        if (Double.isNaN(now)) {
            return now;
        }
        double slope = Double.isNaN(then) ? 0.0 : (now - then) / HISTORY;
        return now + (j + 1) * slope;
    }

    private static double ratio(double[] num, double[] den, double otherwise) {
        double n = 0;
        double d = 0;
        for (int k = 0; k < num.length; k++) {
            n += num[k];
            d += den[k];
        }
        return d > 0 ? n / d : otherwise;
    }

    /** Expected inflow in month {@code j} (0: the next 30 days), own share, yuan. */
    public double inflow(int lender, int j) {
        return lenders[lender].inflow[j];
    }

    /** Expected outflow in month {@code j} (0: the next 30 days), own share, yuan. */
    public double outflow(int lender, int j) {
        return lenders[lender].outflow[j];
    }

    /** Net outflow of the next 30 days on the lender's last ladder: {@code O_0 - min(I_0, 0.75 O_0)}, yuan (0 before the first). */
    public double netOutflow30(int lender) {
        Lender x = lenders[lender];
        return netOutflow(x.inflow[0], x.outflow[0]);
    }

    /** Basel III LCR net outflow: outflows less inflows capped at 75 % of outflows (never negative). */
    static double netOutflow(double inflow, double outflow) {
        return Math.max(0.0, outflow - Math.min(inflow, 0.75 * outflow));
    }

    /** Forward liquidity coverage ratio: cash over the next 30 days' net outflows (inflows capped at 75 % of outflows). */
    public double lcr(LenderState lender) {
        Lender x = lenders[lender.index];
        if (!x.valid || lender.failed()) {
            return Double.NaN;
        }
        return lcr(lender.cash(), x.inflow[0], x.outflow[0]);
    }

    /** {@code cash / (O - min(I, 0.75 O))}; NaN with no net outflow. */
    static double lcr(double cash, double inflow, double outflow) {
        double net = netOutflow(inflow, outflow);
        return net > 0 ? cash / net : Double.NaN;
    }

    /**
     * Survival horizon as a going concern: months until cash turns negative on the ladder with the
     * lender still lending at its observed pace, no new funding (other funding matures at
     * {@code 1 / M} a month, projected covenant cuts fall due) and repayments cut by
     * {@code stress_repayment_haircut}; the month-3 flows repeat after the ladder. Fractional;
     * {@value #SURVIVAL_CAP} means at least that.
     */
    public double survivalMonths(LenderState lender) {
        Lender x = lenders[lender.index];
        if (!x.valid || lender.failed()) {
            return Double.NaN;
        }
        return survival(lender.cash(), keep(lender), x.inflow, x.outflow);
    }

    private static double keep(LenderState lender) {
        return 1.0 - lender.spec.liquidity().stressRepaymentHaircut();
    }

    /**
     * Months until {@code cash + sum_m (keep I_m - O_m)} turns negative, the last ladder month
     * repeating; linear within the month it does; {@value #SURVIVAL_CAP} if it never does by then.
     */
    static double survival(double cash, double keep, double[] inflow, double[] outflow) {
        for (int m = 0; m < SURVIVAL_CAP; m++) {
            int j = Math.min(m, inflow.length - 1);
            double net = keep * inflow[j] - outflow[j];
            if (cash + net < 0) {
                return m + cash / -net;
            }
            cash += net;
        }
        return SURVIVAL_CAP;
    }

    /**
     * Survival horizon in a stressed run-off: the lender stops lending and gets no new funding; the
     * book pays its bills at the observed payment rate less {@code stress_repayment_haircut} (after
     * the ladder, the run-off inflows fall by the ratio of the last two bills a month), costs go on,
     * other funding matures at {@code 1 / M} a month until it is repaid and the projected covenant
     * cuts fall due. Months until cash turns negative, fractional; {@value #SURVIVAL_CAP} means at least that.
     */
    public double runoffMonths(LenderState lender) {
        Lender x = lenders[lender.index];
        if (!x.valid || lender.failed()) {
            return Double.NaN;
        }
        return runoff(lender.cash(), keep(lender), x.runoffInflow, x.runoffOutflow, x.runoffDecay, x.maturing, x.funding);
    }

    /**
     * The run-off path: the ladder months, then inflows falling by {@code decay} a month and the
     * last month's outflows with other funding maturing at {@code maturing} a month only while any is
     * left of {@code funding} (the ladder months have matured their share).
     */
    static double runoff(double cash, double keep, double[] inflow, double[] outflow, double decay, double maturing, double funding) {
        double fundingLeft = funding;
        double in = 0;
        for (int m = 0; m < SURVIVAL_CAP; m++) {
            double out;
            if (m < inflow.length) {
                in = inflow[m];
                out = outflow[m];
            } else {
                in *= decay;
                out = outflow[inflow.length - 1] - maturing + Math.min(maturing, fundingLeft);
            }
            fundingLeft = Math.max(0.0, fundingLeft - maturing);
            double net = keep * in - out;
            if (cash + net < 0) {
                return m + cash / -net;
            }
            cash += net;
        }
        return SURVIVAL_CAP;
    }

    /**
     * Funding the lender needs to keep lending for {@code liquidity.survival_target_months} with no new
     * funding: the deepest shortfall of cash plus the going-concern ladder with repayments cut by
     * {@code stress_repayment_haircut} (month-3 flows repeated after the ladder), yuan; 0 when cash lasts.
     */
    public double fundingNeed(LenderState lender) {
        Lender x = lenders[lender.index];
        if (!x.valid || lender.failed()) {
            return Double.NaN;
        }
        return need(lender.cash(), keep(lender), x.inflow, x.outflow, lender.spec.liquidity().survivalTargetMonths());
    }

    /** {@code max(0, -min_k (cash + sum_{m <= k} (keep I_m - O_m)))} over {@code months} months, the last ladder month repeating. */
    static double need(double cash, double keep, double[] inflow, double[] outflow, int months) {
        double lowest = cash;
        for (int m = 0; m < months; m++) {
            int j = Math.min(m, inflow.length - 1);
            cash += keep * inflow[j] - outflow[j];
            lowest = Math.min(lowest, cash);
        }
        return Math.max(0.0, -lowest);
    }
}

package org.creditstress.model.lender;

import java.util.List;
import org.creditstress.model.InvariantViolation;
import org.creditstress.model.Market;
import org.creditstress.model.PortfolioScan;
import org.creditstress.model.PortfolioStats;
import org.creditstress.model.engine.Counter;
import org.creditstress.model.engine.Flow;
import org.creditstress.model.funder.CoLending;
import org.creditstress.model.funder.CovenantTests;
import org.creditstress.model.funder.FailureLosses;
import org.creditstress.model.funder.FunderStress;
import org.creditstress.model.funder.FundingBook;
import org.creditstress.model.funder.FundingNetwork;
import org.creditstress.model.funder.ReceivableSales;
import org.creditstress.scenario.LenderSpec;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * Phase 8b of the month: the lenders' books, the funders' shares, funding and liquidity.
 * <ol>
 *   <li>Receivables: {@code R += purchases + disbursed + charges - repayments - write-offs}, checked
 *       against the sum over accounts.</li>
 *   <li>Co-lending ({@link CoLending}): funders take their shares of new lending, charges,
 *       repayments, write-offs and recoveries; the lender keeps the rest ("own").</li>
 *   <li>Own books: provisions = own share of (balance x loss rate of the bucket); provision charge =
 *       provisions - last month's + own write-offs; operating cost {@code operating_cost_rate / 12 x R}
 *       (the lender services all receivables); funding cost of the lines, other funding and
 *       emergency funding (plus {@value #EMERGENCY_PENALTY} a year);
 *       {@code cash += own repayments + own recoveries + merchant fees - own new lending - costs};
 *       {@code equity += own charges + merchant fees + own recoveries - provision charge - costs};
 *       dividends above {@code target_capital_ratio} (from month 1).</li>
 *   <li>Funding channel (when {@code contagion.funding} is on): {@link CovenantTests} and
 *       {@link FunderStress} may cut lines; drawn amounts above a cut limit fall due.</li>
 *   <li>Funding: lines (cheapest first), then other funding (within
 *       {@code funding_limit_ratio} x own net receivables), keep cash at {@code cash_buffer_ratio}
 *       of own net receivables; surplus cash repays emergency funding, other funding, lines. If cash
 *       is still negative, the {@code liquidity.actions} in order; still short after the last, the
 *       lender fails: it stops lending for good, what it cannot pay is recorded as unpaid, and its
 *       funders write off {@code failure_haircut} of their lines to it.</li>
 *   <li>Checks: assets (cash + own receivables - provisions) equal liabilities (lines, other and
 *       emergency funding, unpaid) plus equity; open accounts equal accounts opened less written off.</li>
 * </ol>
 * At the end of the last burn-in month the books open: equity and cash at their opening ratios of
 * own net receivables, lines at {@code line_ratio} of it, drawn first, other funding the rest;
 * funders' capital is set from their exposure then.
 */
public final class LenderAccounting implements Steppable {
    private static final long serialVersionUID = 1L;
    /** Annual penalty over the funding cost on emergency funding (an assumption). */
    public static final double EMERGENCY_PENALTY = 0.10;
    /** Relative tolerance of the accounting identities: double rounding over millions of accounts. */
    static final double TOLERANCE = 1e-9;

    private final transient Market market;
    private final transient PortfolioScan scan;
    private final transient CreditSupplyTightening tightening;
    private final transient CovenantTests covenants;
    private final transient FunderStress funderStress;
    private final transient ReceivableSales sales = new ReceivableSales();
    private final transient WriteOffRecoveries recoveriesAfterWriteOff;
    private final transient FundingNetwork network;
    private final long[] openAccounts;
    private final double[] lastRecoveries;
    private final double[] openingNet;
    private final double[] cumulativeWriteOffs;
    private final double[] receivablesSum;
    private int recordedMonths;

    public LenderAccounting(Market market, PortfolioScan scan) {
        this.market = market;
        this.scan = scan;
        this.network = market.funding;
        int n = market.lenders.size();
        boolean fundingChannel = market.scenario.contagion().funding();
        tightening = new CreditSupplyTightening(n);
        covenants = fundingChannel ? new CovenantTests() : null;
        funderStress = fundingChannel ? new FunderStress() : null;
        openAccounts = new long[n];
        lastRecoveries = new double[n];
        openingNet = new double[n];
        cumulativeWriteOffs = new double[n];
        receivablesSum = new double[n];
        recoveriesAfterWriteOff = new WriteOffRecoveries(n);
    }

    /** Takes the accounts opened when the population was built (called once, before the first month). */
    public void countOpenAccounts() {
        for (LenderState lender : market.lenders) {
            openAccounts[lender.index] = market.ledger.total(Counter.ACCOUNTS_OPENED, lender.index);
        }
    }

    @Override
    public void step(SimState state) {
        PortfolioStats stats = scan.stats();
        int month = market.month();
        if (month >= 1) {
            recordedMonths++;
        }
        List<LenderState> lenders = market.lenders;
        double newCredit = 0;
        for (LenderState lender : lenders) {
            account(lender, stats, month);
            newCredit += market.ledger.total(Flow.PURCHASES, lender.index) + market.ledger.total(Flow.DISBURSED, lender.index);
        }
        market.macro.recordNewCredit(newCredit);
        if (month >= 1 && covenants != null) {
            for (LenderState lender : lenders) {
                int l = lender.index;
                double m3 = stats.receivables[l] > 0
                        ? (stats.bucketBalance[l][3] + stats.bucketBalance[l][4]) / stats.receivables[l] : 0.0;
                double loss = receivablesSum[l] > 0 ? cumulativeWriteOffs[l] / (receivablesSum[l] / recordedMonths) : 0.0;
                lender.covenantBreaches = covenants.test(network.book(l), m3, loss, lender.capitalRatio());
            }
            funderStress.apply(network.funders(), network.books());
        }
        for (LenderState lender : lenders) {
            if (month == 0) {
                open(lender);
            } else {
                manageFunding(lender, stats, month);
            }
        }
        if (month == 0) {
            network.openFunders();
        }
        for (LenderState lender : lenders) {
            check(lender, month);
            if (lender.spec.tightening().enabled()) {
                tightening.decide(lender, month, market.policy.minCapitalRatio());
            }
        }
    }

    private void account(LenderState lender, PortfolioStats stats, int month) {
        int l = lender.index;
        LenderSpec spec = lender.spec;
        var ledger = market.ledger;
        double purchases = ledger.total(Flow.PURCHASES, l);
        double merchantFees = ledger.total(Flow.MERCHANT_FEES, l);
        double disbursed = ledger.total(Flow.DISBURSED, l);
        double charges = ledger.total(Flow.CHARGES, l);
        double repayments = ledger.total(Flow.REPAYMENTS, l);
        double writeOffs = ledger.total(Flow.WRITE_OFFS, l);
        double collection = ledger.total(Flow.COLLECTION_COST, l) + ledger.total(Flow.LEGAL_COST, l);
        double recoveries = ledger.total(Flow.COURT_RECOVERIES, l)
                + (month >= 1 ? recoveriesAfterWriteOff.recover(lender, writeOffs) : 0.0);

        double before = lender.ledgerReceivables;
        lender.ledgerReceivables += purchases + disbursed + charges - repayments - writeOffs;
        double scanned = stats.receivables[l];
        if (Math.abs(lender.ledgerReceivables - scanned) > TOLERANCE * Math.max(1.0, scanned + purchases + repayments)) {
            throw new InvariantViolation(month, "lender " + spec.name(),
                    "receivables from the month's flows (" + lender.ledgerReceivables + ") differ from the sum over accounts (" + scanned + ")");
        }
        FundingBook book = network.book(l);
        CoLending.OwnShare own = CoLending.split(book, before, purchases + disbursed, charges, repayments, writeOffs, recoveries,
                market.policy.minOwnFundingShare());
        lender.funderClaims = book.claims();
        if (month >= 1) {
            cumulativeWriteOffs[l] += writeOffs;
            receivablesSum[l] += scanned;
        }

        double ownFraction = scanned > 0 ? lender.ownReceivables() / scanned : 1.0;
        double provisions = 0;
        for (int bucket = 0; bucket < 5; bucket++) {
            provisions += stats.bucketBalance[l][bucket] * spec.provisioning().lossRates().get(bucket);
        }
        provisions *= ownFraction;
        double provisionCharge = provisions - lender.provisions + own.writeOffs();
        double operating = spec.balanceSheet().operatingCostRate() / 12.0 * scanned;
        double base = market.macro.fundingRateAnnual();
        double fundingRate = base + spec.balanceSheet().fundingSpread();
        double fundingCost = fundingRate / 12.0 * lender.funding + (fundingRate + EMERGENCY_PENALTY) / 12.0 * lender.emergencyFunding
                + book.monthlyLineCost(base);

        lender.outflows = own.newLending() + collection + operating + fundingCost;
        lender.inflows = own.repayments() + own.recoveries() + merchantFees;
        lender.cash += lender.inflows - lender.outflows;
        lender.equity += own.charges() + merchantFees + own.recoveries() - provisionCharge - collection - operating - fundingCost;
        lender.provisions = provisions;
        double dividends = month >= 1 && !lender.failed
                ? Math.max(0.0, lender.equity - spec.balanceSheet().targetCapitalRatio() * (lender.ownReceivables() - provisions)) : 0.0;
        dividends = Math.min(dividends, Math.max(0.0, lender.cash));
        lender.cash -= dividends;
        lender.equity -= dividends;
        lastRecoveries[l] = recoveries;
        openAccounts[l] += ledger.total(Counter.ACCOUNTS_OPENED, l) - ledger.total(Counter.ACCOUNTS_WRITTEN_OFF, l);
        if (openAccounts[l] != stats.openAccounts[l]) {
            throw new InvariantViolation(month, "lender " + spec.name(),
                    "open accounts by event count (" + openAccounts[l] + ") differ from accounts open in the table (" + stats.openAccounts[l] + ")");
        }
        if (month <= 0) {
            manageFunding(lender, stats, month);
        }
    }

    /** Keeps cash at its buffer with lines and other funding; runs the liquidity actions when still short. */
    private void manageFunding(LenderState lender, PortfolioStats stats, int month) {
        FundingBook book = network.book(lender.index);
        LenderSpec.BalanceSheet bs = lender.spec.balanceSheet();
        double net = Math.max(0.0, lender.ownReceivables() - lender.provisions);
        lender.receivablesSold = 0;
        double due = book.dueAboveLimits();
        lender.cash -= due;
        lender.outflows += due;
        double buffer = org.creditstress.model.policy.PolicyState.atLeast(bs.cashBufferRatio(), market.policy.cashBufferRatio());
        double target = lender.failed ? 0.0 : buffer * net;
        if (lender.cash > target) {
            double excess = lender.cash - target;
            excess -= take(excess, lender.unpaid, x -> lender.unpaid -= x);
            excess -= take(excess, lender.emergencyFunding, x -> lender.emergencyFunding -= x);
            excess -= take(excess, lender.funding, x -> lender.funding -= x);
            excess -= book.repay(excess);
            lender.cash = target + excess;
            if (lender.emergencyFunding <= 0) {
                lender.stopOriginating = false;
            }
        } else if (lender.failed) {
            if (lender.cash < 0) {
                lender.unpaid += -lender.cash;
                lender.cash = 0;
            }
        } else {
            lender.cash += book.draw(target - lender.cash);
            double limit = month <= 0 ? Double.POSITIVE_INFINITY : bs.fundingLimitRatio() * net;
            double draw = Math.min(target - lender.cash, Math.max(0.0, limit - lender.funding));
            if (draw > 0) {
                lender.funding += draw;
                lender.cash += draw;
            }
            if (lender.cash < 0) {
                liquidityActions(lender, book, stats, month);
            }
        }
        lender.linesDrawn = book.linesDrawn();
        lender.funderClaims = book.claims();
        lender.lending = !lender.failed && lender.emergencyFunding <= 0 && !lender.stopOriginating;
        lender.lastNetReceivables = net;
    }

    private interface Reduce {
        void by(double x);
    }

    private static double take(double available, double owed, Reduce reduce) {
        double x = Math.min(available, Math.max(0.0, owed));
        reduce.by(x);
        return x;
    }

    /** Cash is negative after lines and other funding: the lender's actions in order, then failure. */
    private void liquidityActions(LenderState lender, FundingBook book, PortfolioStats stats, int month) {
        LenderSpec.Liquidity policy = lender.spec.liquidity();
        int l = lender.index;
        for (String action : policy.actions()) {
            if (lender.cash >= 0) {
                return;
            }
            switch (action) {
                case "stop_originating" -> lender.stopOriginating = true;
                case "cut_limits" -> {
                    lender.pendingLimitCut = Math.max(lender.pendingLimitCut, policy.limitCut());
                    lender.limitFactor *= 1.0 - policy.limitCut();
                }
                case "sell_receivables" -> {
                    double m1plus = stats.receivables[l] > 0 ? 1.0 - stats.bucketBalance[l][0] / stats.receivables[l] : 0.0;
                    double discount = policy.absBaseDiscount()
                            + (market.scenario.contagion().funding() ? policy.absDiscountPerM1plus() * m1plus : 0.0);
                    ReceivableSales.Sale sale = sales.sell(book, -lender.cash, lender.ownReceivables() - lender.provisions,
                            Math.min(0.95, discount));
                    lender.cash += sale.cash();
                    lender.equity -= sale.loss();
                    lender.receivablesSold = sale.face();
                    lender.funderClaims = book.claims();
                }
                case "emergency_funding" -> {
                    double capacity = policy.emergencyCapacity() * openingNet[l];
                    double x = Math.min(-lender.cash, Math.max(0.0, capacity - lender.emergencyFunding));
                    lender.emergencyFunding += x;
                    lender.cash += x;
                }
                default -> { }
            }
        }
        if (lender.cash < 0) {
            fail(lender, book, month);
        }
    }

    /** The lender cannot pay: it stops lending for good and its funders write off part of their lines. */
    private void fail(LenderState lender, FundingBook book, int month) {
        lender.failed = true;
        lender.failureMonth = month;
        lender.unpaid += -lender.cash;
        lender.cash = 0;
        lender.stopOriginating = true;
        double haircut = lender.spec.liquidity().failureHaircut();
        for (var a : book.arrangements()) {
            FailureLosses.bear(a, haircut);
        }
    }

    private void open(LenderState lender) {
        LenderSpec.BalanceSheet bs = lender.spec.balanceSheet();
        double net = lender.ownReceivables() - lender.provisions;
        openingNet[lender.index] = Math.max(0.0, net);
        lender.equity = bs.openingCapitalRatio() * net;
        lender.openingEquity = lender.equity;
        lender.cash = bs.openingCashRatio() * net;
        lender.emergencyFunding = 0;
        lender.unpaid = 0;
        FundingBook book = network.book(lender.index);
        book.repay(book.linesDrawn());
        network.open(lender.index, net);
        double needed = lender.cash + net - lender.equity;
        double fromLines = book.draw(Math.max(0.0, needed));
        lender.linesDrawn = book.linesDrawn();
        lender.funding = needed - fromLines;
        lender.lending = true;
    }

    private void check(LenderState lender, int month) {
        double gap = lender.assets() - lender.liabilities() - lender.equity;
        if (Math.abs(gap) > TOLERANCE * Math.max(1.0, lender.assets() + lender.outflows + lender.inflows)) {
            throw new InvariantViolation(month, "lender " + lender.spec.name(),
                    "assets (" + lender.assets() + ") differ from liabilities plus equity (" + (lender.liabilities() + lender.equity) + ")");
        }
        if (!(lender.cash >= -1e-6)) {
            throw new InvariantViolation(month, "lender " + lender.spec.name(), "cash must not be negative, got " + lender.cash);
        }
    }

    /** Undrawn committed lines plus unused other funding: cash the lender can still raise without acting. */
    public double undrawnFunding(LenderState lender) {
        double otherLimit = lender.spec.balanceSheet().fundingLimitRatio() * Math.max(0.0, lender.lastNetReceivables);
        return network.book(lender.index).undrawn() + Math.max(0.0, otherLimit - lender.funding);
    }

    /** Recoveries on written-off balances this month (courts and collection after write-off). */
    public double recoveries(int lender) {
        return lastRecoveries[lender];
    }
}

package org.creditstress.model.lender;

import java.util.List;
import org.creditstress.model.InvariantViolation;
import org.creditstress.model.Market;
import org.creditstress.model.PortfolioScan;
import org.creditstress.model.PortfolioStats;
import org.creditstress.model.funder.FailureLosses;
import org.creditstress.model.funder.FundingBook;
import org.creditstress.model.funder.FundingNetwork;
import org.creditstress.model.funder.ReceivableSales;
import org.creditstress.model.policy.PolicyState;
import org.creditstress.scenario.LenderSpec;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * {@code MonthPhase.LENDER_FUNDING}: funding and liquidity, after the books (and after the funding
 * contagion channel's covenant tests and funder stress, when that channel is on).
 * <ol>
 *   <li>Drawn amounts above a cut line limit fall due.</li>
 *   <li>Funding: lines (cheapest first), then other funding (within
 *       {@code funding_limit_ratio} x own net receivables), keep cash at {@code cash_buffer_ratio}
 *       of own net receivables, or at {@code liquidity.lcr_target} times the next 30 days' net
 *       outflows on last month's {@link LiquidityLadder}, whichever is more; surplus cash repays unpaid obligations, emergency funding, other
 *       funding, lines. If cash is still negative, the {@code liquidity.actions} in order
 *       ({@link LiquidityAction}); still short after the last, the lender fails: it stops lending
 *       for good, what it cannot pay is recorded as unpaid, and its funders write off
 *       {@code failure_haircut} of their lines to it.</li>
 *   <li>Check: assets (cash + own receivables - provisions - penalty in suspense) equal liabilities
 *       (lines, other and emergency funding, unpaid) plus equity; cash is not negative; from month 1,
 *       the change in equity plus dividends equals the month's pre-tax profit (except in month 0, when the books open) ({@link ProfitAndLoss}).</li>
 * </ol>
 * At the end of the last burn-in month (month 0) the books open: equity and cash at their opening
 * ratios of own net receivables, lines at {@code line_ratio} of it, drawn first, other funding the
 * rest; funders' capital is set from their exposure then.
 */
public final class LenderFunding implements Steppable {
    private static final long serialVersionUID = 1L;
    /** Annual penalty over the funding cost on emergency funding (an assumption). */
    public static final double EMERGENCY_PENALTY = 0.10;

    private final Market market;
    private final PortfolioScan scan;
    private final FundingNetwork network;
    private final PolicyState policy;
    private final ReceivableSales sales = new ReceivableSales();
    private final List<List<LiquidityAction>> actions;
    /** Last month's liquidity ladders (the treasury's forecast); null in tests that build funding alone. */
    private final LiquidityLadder ladder;

    public LenderFunding(Market market, PortfolioScan scan) {
        this(market, scan, null);
    }

    /**
     * @param ladder the lenders' liquidity ladders, whose last forecast sets the cash a lender keeps
     *               for its {@code liquidity.lcr_target}
     */
    public LenderFunding(Market market, PortfolioScan scan, LiquidityLadder ladder) {
        this.ladder = ladder;
        this.market = market;
        this.scan = scan;
        this.network = market.funding;
        this.policy = market.policy;
        this.actions = market.lenders.stream()
                .map(l -> l.spec.liquidity().actions().stream().map(LiquidityAction::named).toList())
                .toList();
    }

    @Override
    public void step(SimState state) {
        PortfolioStats stats = scan.stats();
        int month = market.month();
        for (LenderState lender : market.lenders) {
            if (month == 0) {
                open(lender);
            } else {
                manage(lender, stats, month);
            }
        }
        if (month == 0) {
            network.openFunders();
        }
        for (LenderState lender : market.lenders) {
            if (month >= 1 && !lender.failed && lender.capitalRatio() < lender.spec.balanceSheet().resolutionCapitalRatio()) {
                resolve(lender, network.book(lender.index), month);
            }
            check(lender, month);
            if (month != 0) {
                lender.pnl.check(month, lender.spec.name(), lender.equity);
            }
        }
    }

    /**
     * Resolution on capital: the lender's capital ratio fell below {@code resolution_capital_ratio}.
     * It stops lending for good, every undrawn limit is cut to the balance (at next month's
     * underwriting), its book runs off, and its funders write off {@code failure_haircut} of their
     * lines to it, as in a failure for want of cash.
     */
    private void resolve(LenderState lender, FundingBook book, int month) {
        lender.failed = true;
        lender.failureMonth = month;
        lender.failureCause = LenderState.FailureCause.CAPITAL;
        lender.stopOriginating = true;
        lender.lending = false;
        bearFailureLosses(lender, book);
    }

    private static void bearFailureLosses(LenderState lender, FundingBook book) {
        double haircut = lender.spec.liquidity().failureHaircut();
        for (var a : book.arrangements()) {
            FailureLosses.bear(a, haircut);
        }
    }

    /** Keeps cash at its buffer with lines and other funding; runs the liquidity actions when still short. */
    void manage(LenderState lender, PortfolioStats stats, int month) {
        FundingBook book = network.book(lender.index);
        LenderSpec.BalanceSheet bs = lender.spec.balanceSheet();
        double net = Math.max(0.0, lender.ownReceivables() - lender.provisions);
        lender.receivablesSold = 0;
        double due = book.dueAboveLimits();
        lender.cash -= due;
        lender.outflows += due;
        double buffer = PolicyState.atLeast(bs.cashBufferRatio(), policy.cashBufferRatio());
        double target = lender.failed ? 0.0 : Math.max(buffer * net, lcrCash(lender));
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
                liquidityActions(lender, book, month);
            }
        }
        lender.linesDrawn = book.linesDrawn();
        lender.funderClaims = book.claims();
        lender.lending = !lender.failed && lender.emergencyFunding <= 0 && !lender.stopOriginating;
        lender.lastNetReceivables = net;
    }

    /** Cash the lender keeps to meet its LCR target on last month's ladder (0 without a target or a ladder). */
    private double lcrCash(LenderState lender) {
        double lcrTarget = lender.spec.liquidity().lcrTarget();
        return ladder == null || lcrTarget <= 0 ? 0.0 : lcrTarget * ladder.netOutflow30(lender.index);
    }

    private interface Reduce {
        void by(double x);
    }

    private static double take(double available, double owed, Reduce reduce) {
        double x = Math.min(available, Math.max(0.0, owed));
        reduce.by(x);
        return x;
    }

    /** What a {@link LiquidityAction} acts on: one lender, its funding book, this month. */
    final class ActionContext {
        private final LenderState lender;
        private final FundingBook book;

        ActionContext(LenderState lender, FundingBook book) {
            this.lender = lender;
            this.book = book;
        }

        LenderState lender() {
            return lender;
        }

        /** Sells enough own net receivables to cover the cash shortfall, at the ABS discount. */
        void sellReceivables() {
            LenderSpec.Liquidity p = lender.spec.liquidity();
            double discount = p.absBaseDiscount() + lender.absDiscountRise;
            ReceivableSales.Sale sale = sales.sell(book, -lender.cash, lender.ownReceivables() - lender.provisions,
                    Math.min(0.95, discount));
            lender.cash += sale.cash();
            lender.equity -= sale.loss();
            lender.pnl.saleLosses += sale.loss();
            lender.receivablesSold = sale.face();
            lender.funderClaims = book.claims();
        }

        /** Emergency funding up to {@code emergency_capacity} of opening own net receivables. */
        void drawEmergencyFunding() {
            double capacity = lender.spec.liquidity().emergencyCapacity() * lender.openingNet;
            double x = Math.min(-lender.cash, Math.max(0.0, capacity - lender.emergencyFunding));
            lender.emergencyFunding += x;
            lender.cash += x;
        }
    }

    /** Cash is negative after lines and other funding: the lender's actions in order, then failure. */
    private void liquidityActions(LenderState lender, FundingBook book, int month) {
        ActionContext context = new ActionContext(lender, book);
        for (LiquidityAction action : actions.get(lender.index)) {
            if (lender.cash >= 0) {
                return;
            }
            action.take(context);
        }
        if (lender.cash < 0) {
            fail(lender, book, month);
        }
    }

    /** The lender cannot pay: it stops lending for good and its funders write off part of their lines. */
    private void fail(LenderState lender, FundingBook book, int month) {
        lender.failed = true;
        lender.failureMonth = month;
        lender.failureCause = LenderState.FailureCause.LIQUIDITY;
        lender.unpaid += -lender.cash;
        lender.cash = 0;
        lender.stopOriginating = true;
        bearFailureLosses(lender, book);
    }

    private void open(LenderState lender) {
        openBooks(lender, network);
    }

    /**
     * Opens a lender's books on its receivables and provisions: equity and cash at their opening
     * ratios of own net receivables, lines at {@code line_ratio} of it, drawn first, other funding the
     * rest (at the end of burn-in, or before month 1 of a run from a book).
     */
    static void openBooks(LenderState lender, FundingNetwork network) {
        LenderSpec.BalanceSheet bs = lender.spec.balanceSheet();
        double net = lender.ownReceivables() - lender.provisions;
        lender.openingNet = Math.max(0.0, net);
        lender.equity = bs.openingCapitalRatio() * net;
        lender.openingEquity = lender.equity;
        lender.cash = bs.openingCashRatio() * net;
        lender.emergencyFunding = 0;
        lender.unpaid = 0;
        FundingBook book = network.book(lender.index);
        book.repay(book.linesDrawn());
        network.open(lender.index, net);
        double needed = lender.cash + net - lender.suspense - lender.equity;
        double fromLines = book.draw(Math.max(0.0, needed));
        lender.linesDrawn = book.linesDrawn();
        lender.funding = needed - fromLines;
        lender.lending = true;
    }

    private void check(LenderState lender, int month) {
        double gap = lender.assets() - lender.liabilities() - lender.equity;
        if (Math.abs(gap) > LenderBooks.TOLERANCE * Math.max(1.0, lender.assets() + lender.outflows + lender.inflows)) {
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

}

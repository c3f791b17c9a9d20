package org.creditstress.model.lender;

import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.special.Erf;
import org.creditstress.model.Market;
import org.creditstress.model.borrower.AccountTable;
import org.creditstress.model.borrower.BorrowerTable;
import org.creditstress.model.bureau.CreditBureau;
import org.creditstress.model.engine.ChunkPhase;
import org.creditstress.model.engine.Counter;
import org.creditstress.model.engine.CounterRandom;
import org.creditstress.model.engine.RandomStream;
import org.creditstress.scenario.BureauSpec;
import org.creditstress.scenario.LenderSpec;
import org.creditstress.scenario.ProductSpec;
import sim.engine.SimState;

/**
 * {@code MonthPhase.UNDERWRITING}: lenders decide on applicants and limits.
 *
 * <p>Scoring: the lender observes {@code s = q * R + sqrt(1 - q^2) * e}, where {@code R} is the
 * applicant's true risk at application ({@link ApplicationRisk}: traits, segment, employment and
 * debt service; standard normal for an employed applicant without debt service), {@code e}
 * standard normal noise and {@code q} the lender's model quality (times {@code thin_file_quality}
 * for thin files). Since {@code s} is then standard normal, approving {@code s < Phi^-1(approval_rate)}
 * approves that share of such applicants (fewer of the unemployed and indebted); the better the
 * model, the more of the risky ones it declines.
 *
 * <p>Limit: {@code income * limit_income_multiple * exp(-score_limit_sensitivity * s)}, times
 * {@code thin_file_limit_factor} for thin files and the lender's cumulative tightening factor,
 * within [min_limit, max_limit].
 *
 * <p>Each month a declined applicant re-applies with probability {@code reapply_probability};
 * newcomers' applications are decided; open accounts go through limit management
 * ({@link #manageLimit}) or, with nothing owed, may be closed by their holder
 * ({@code closure_monthly}); lenders solicit applications from people without their product
 * ({@link Acquisition}); a thin file with a clean record on an account open for
 * {@code thin_file_graduation_months} becomes established.
 *
 * <p>A {@link ChunkPhase}: each chunk's work reads and writes only the chunk's borrowers and
 * accounts (the bureau's view of a borrower is its own accounts), and what it reads besides is set
 * before the borrower phases (application rates, lenders' policies and state, the bureau's scores).
 * So the model runs it chunk by chunk after repayment, with the borrower phases
 * ({@link org.creditstress.model.borrower.BorrowerMonth}).
 */
public final class Underwriting implements ChunkPhase {
    private static final long serialVersionUID = 1L;
    private final Market market;
    private final CreditBureau bureau;
    private final double[] maxLimit;
    private final List<ProductSpec> products;
    private final double scoreMean;
    private final double scoreWeight;
    private final double fraudIncomeInflation;
    private final CounterRandom random;
    private final CounterRandom acquisitionRandom;
    private final OpenBook openBook;
    private final BehaviourScore behaviourScore;
    private final ApplicationRisk risk;

    /**
     * What an open book adds to underwriting (absent when the starting book is built): the month's
     * solicited applications, account closures and thin files becoming established.
     *
     * @param acquisition          this month's application rates by lender
     * @param applicants           how a new relationship fills a borrower's slots
     * @param scan                 last month's portfolio (read before this month's scan runs)
     * @param closureMonthly       probability a month that an open account with nothing owed is closed
     * @param graduationMonths     months on book after which a clean thin file is established
     * @param ranking              the behaviour score's sampled snapshots and resolved counts
     */
    public record OpenBook(Acquisition acquisition, org.creditstress.model.Applicants applicants,
                           org.creditstress.model.PortfolioScan scan, double closureMonthly, int graduationMonths,
                           BehaviourRanking ranking) implements java.io.Serializable {
    }

    /**
     * @param bureau               the bureau lenders look borrowers up in, or null (the first
     *                             applications, before any record exists)
     * @param products             the products, by index
     * @param bureauSpec           the credit score's scale and weight in underwriting
     * @param fraudIncomeInflation factor by which fraudsters forge their income
     * @param risk                 the applicants' true risk the score observes
     */
    public Underwriting(Market market, CreditBureau bureau, List<ProductSpec> products, BureauSpec bureauSpec,
                        double fraudIncomeInflation, ApplicationRisk risk) {
        this(market, bureau, products, bureauSpec, fraudIncomeInflation, risk, null);
    }

    /** Underwriting of an open book: {@code openBook} may be null (the starting book). */
    public Underwriting(Market market, CreditBureau bureau, List<ProductSpec> products, BureauSpec bureauSpec,
                        double fraudIncomeInflation, ApplicationRisk risk, OpenBook openBook) {
        this.market = market;
        this.risk = risk;
        this.openBook = openBook;
        this.acquisitionRandom = new CounterRandom(market.seeds, RandomStream.ACQUISITION);
        this.bureau = bureau;
        this.products = List.copyOf(products);
        this.scoreMean = bureauSpec.scoreMean();
        this.scoreWeight = bureauSpec.scoreWeight();
        this.behaviourScore = new BehaviourScore(bureauSpec.scoreMean());
        this.fraudIncomeInflation = fraudIncomeInflation;
        this.random = new CounterRandom(market.seeds, RandomStream.UNDERWRITING);
        this.maxLimit = products.stream().mapToDouble(ProductSpec::maxLimit).toArray();
    }

    /** The score cut-off for an approval rate: the standard normal quantile. */
    public static double cutoff(double approvalRate) {
        if (approvalRate >= 1.0) {
            return Double.POSITIVE_INFINITY;
        }
        if (approvalRate <= 0.0) {
            return Double.NEGATIVE_INFINITY;
        }
        return Math.sqrt(2.0) * Erf.erfInv(2.0 * approvalRate - 1.0);
    }

    /**
     * Scores account {@code a}'s applicant and opens the account with a limit if approved. A
     * lender that sees the borrower's bureau record declines a visible delinquency elsewhere (if
     * its policy says so) and adds {@code score_weight} per 100 points the credit score is below
     * the starting mean.
     *
     * @return whether the account was opened
     */
    public boolean apply(int a, SplittableRandom rng, int chunk) {
        return apply(a, rng.nextGaussian(), chunk);
    }

    /** As {@link #apply(int, SplittableRandom, int)}, with the score noise {@code noise} given. */
    private boolean apply(int a, double noise, int chunk) {
        Market m = market;
        AccountTable acc = m.accounts;
        BorrowerTable b = m.borrowers;
        int i = acc.borrower[a];
        int l = acc.lender[a];
        LenderState lender = m.lenders.get(l);
        LenderSpec spec = lender.spec;
        boolean thin = b.thinFile(i);
        double q = spec.modelQuality() * (thin ? spec.thinFileQuality() : 1.0);
        double score = q * risk.of(b, acc, i) + Math.sqrt(1.0 - q * q) * noise;
        if (bureau != null && bureau.sees(i, l)) {
            if (spec.limitManagement().declineExternalDelinquency() && bureau.delinquentElsewhere(i, l)) {
                return false;
            }
            double gap = scoreMean - b.creditScore[i];
            score += scoreWeight * Math.max(0.0, gap) / 100.0;
        }
        if (!(score < lender.scoreCutoff) || !lender.lending()) {
            return false;
        }
        ProductSpec product = products.get(acc.product[a]);
        double income = b.permanentIncome[i] * (b.fraud(i) ? fraudIncomeInflation : 1.0);
        double limit = income * product.limitIncomeMultiple()
                * Math.exp(-spec.scoreLimitSensitivity() * score)
                * (thin ? spec.thinFileLimitFactor() : 1.0) * lender.limitFactor();
        acc.limit[a] = (float) Math.min(product.maxLimit(), Math.max(product.minLimit(), limit));
        acc.setStatus(a, AccountTable.OPEN);
        acc.score[a] = (float) score;
        acc.openedMonth[a] = (short) Math.max(Short.MIN_VALUE + 1, m.month());
        m.ledger.count(chunk, Counter.ACCOUNTS_OPENED, l);
        return true;
    }

    private boolean firstMonth = true;
    /** The lenders by index and their limit management, looked up once a month in {@link #step}, not once an account. */
    private transient LenderState[] lenderAt;
    private transient LenderSpec.LimitManagement[] limitPolicy;
    private transient boolean[] behaviourReview;
    private transient BehaviourRanking ranking;

    /** The phase on its own: {@link #beginMonth()}, every chunk on the executor, {@link #endMonth()}. */
    @Override
    public void step(SimState state) {
        runAlone(market.executor, market.chunks);
    }

    /** This month's application rates (from last month's scan) and the lenders' limit policies. */
    @Override
    public void beginMonth() {
        if (openBook != null && !firstMonth) {
            openBook.acquisition().plan(openBook.scan().stats());
        }
        firstMonth = false;
        lenderAt = market.lenders.toArray(LenderState[]::new);
        limitPolicy = market.lenders.stream().map(l -> l.spec.limitManagement()).toArray(LenderSpec.LimitManagement[]::new);
        behaviourReview = new boolean[limitPolicy.length];
        for (int l = 0; l < limitPolicy.length; l++) {
            behaviourReview[l] = limitPolicy[l].behaviourReview();
        }
        ranking = openBook == null ? null : openBook.ranking();
        if (bureau != null) {
            bureau.prepareMonth();
        }
    }

    /**
     * Chunk {@code c}: the behaviour ranking's snapshots of a year ago resolved against its accounts
     * (before any of them changes here), then its applicants, accounts and limits.
     */
    @Override
    public void stepChunk(int c, int from, int to) {
        if (ranking != null) {
            ranking.resolveChunk(c, market.month(), market.accounts);
        }
        chunk(c, from, to);
    }

    /** The behaviour ranking's counts of the month, once every chunk is resolved. */
    @Override
    public void endMonth() {
        if (ranking != null) {
            ranking.count();
        }
    }

    private void chunk(int c, int from, int to) {
        AccountTable acc = market.accounts;
        BorrowerTable b = market.borrowers;
        int month = market.month();
        for (int i = from; i < to; i++) {
            int a0 = b.firstAccount[i];
            long held = 0;
            int used = acc.usedSlots(i);
            // A delinquency elsewhere needs a second slot in use: with one, the look-up is skipped.
            long delinquentAt = bureau == null || Integer.bitCount(used) < 2 ? 0L : bureau.visibleDelinquencies(i);
            boolean freeSlot = acc.hasEmptySlot(i);
            boolean relationsChanged = false;
            boolean clean = true;
            int oldestOpened = Integer.MAX_VALUE;
            for (int m = used; m != 0; m &= m - 1) {
                int a = a0 + Integer.numberOfTrailingZeros(m);
                byte status = acc.status[a];
                if (status == AccountTable.WRITTEN_OFF && openBook != null && bureau != null && !bureau.onRecord(acc, a)
                        && !acc.has(a, AccountTable.IN_COURT)) {
                    acc.clear(a);
                    freeSlot = true;
                    relationsChanged = true;
                    continue;
                }
                held |= 1L << acc.lender[a];
                LenderState lender = lenderAt[acc.lender[a]];
                if (status == AccountTable.NOT_OPEN) {
                    if (acc.has(a, AccountTable.NEW_APPLICATION)) {
                        acc.flags[a] &= ~AccountTable.NEW_APPLICATION;
                        market.ledger.count(c, Counter.APPLICATIONS, lender.index);
                        apply(a, random.gaussian(a, month, 2), c);
                    } else if (random.uniform(a, month, 0) < lender.spec.reapplyProbability()) {
                        boolean opened = apply(a, random.gaussian(a, month, 1), c);
                        if (market.trace() != null && market.trace().is(acc.borrower[a])) {
                            market.trace().account(market.month(), a).events.add(opened ? "applied again and was approved" : "applied again and was declined");
                        }
                    }
                } else if (status == AccountTable.OPEN) {
                    // Read once: closing, the behaviour score and the limit rules see the same balance (only limits change here).
                    double balance = acc.balance(a);
                    if (openBook != null && closes(acc, a, month, balance)) {
                        market.ledger.count(c, Counter.ACCOUNTS_CLOSED, lender.index);
                        acc.clear(a);
                        freeSlot = true;
                        relationsChanged = true;
                        continue;
                    }
                    boolean seenElsewhere = (delinquentAt & ~(1L << acc.lender[a])) != 0 && bureau.sees(i, acc.lender[a]);
                    manageLimit(acc, a, i, balance, lender, c, month, seenElsewhere);
                    clean &= acc.monthsPastDue[a] == 0;
                    oldestOpened = Math.min(oldestOpened, acc.openedMonth[a]);
                } else {
                    clean = false;
                }
            }
            if (openBook != null) {
                if (freeSlot) {
                    relationsChanged |= solicit(c, acc, i, a0, held, month);
                }
                if (relationsChanged) {
                    b.lendersHeld[i] = (byte) lendersIn(acc, a0, acc.usedSlots(i));
                }
                if (clean && b.thinFile(i) && month - oldestOpened >= openBook.graduationMonths()) {
                    b.flags[i] &= ~BorrowerTable.THIN_FILE;
                    market.ledger.count(c, Counter.THIN_FILES_ESTABLISHED, 0);
                }
            }
        }
    }

    /** Distinct lenders among a borrower's slots in use ({@code used}: its mask from slot {@code a0}). */
    private static int lendersIn(AccountTable acc, int a0, int used) {
        long lenders = 0;
        for (int m = used; m != 0; m &= m - 1) {
            lenders |= 1L << acc.lender[a0 + Integer.numberOfTrailingZeros(m)];
        }
        return Long.bitCount(lenders);
    }

    /**
     * An open, current account with nothing owed, no case and no relief running closes with
     * {@code closure_monthly} (the byte tests first: most accounts owe something).
     */
    private boolean closes(AccountTable acc, int a, int month, double balance) {
        return acc.monthsPastDue[a] == 0 && acc.graceLeft[a] == 0 && !acc.has(a, AccountTable.SUED) && balance <= 0
                && acquisitionRandom.uniform(a, month, 1000) < openBook.closureMonthly();
    }

    /**
     * The lenders' marketing reaches borrower {@code i}: for each lender it has no account at,
     * with that lender's rate this month, it applies for the line (and the cash loan with
     * {@code cash_loan_share}), underwritten at once (a bureau record elsewhere can decline it).
     * Returns whether it applied anywhere.
     */
    private boolean solicit(int c, AccountTable acc, int i, int a0, long held, int month) {
        boolean applied = false;
        Acquisition acquisition = openBook.acquisition();
        for (int l = 0; l < market.lenders.size(); l++) {
            double rate = acquisition.rate(l);
            if ((held & (1L << l)) != 0 || rate <= 0 || acquisitionRandom.uniform(i, month, l) >= rate) {
                continue;
            }
            boolean withLoan = acquisitionRandom.uniform(i, month, 100 + l) < openBook.applicants().cashLoanShare();
            int first = openBook.applicants().relate(acc, a0, i, l, withLoan);
            if (first < 0) {
                return applied;
            }
            applied = true;
            for (int a = first; a < a0 + openBook.applicants().slots(); a++) {
                if (acc.status[a] == AccountTable.NOT_OPEN && acc.has(a, AccountTable.NEW_APPLICATION)) {
                    acc.flags[a] &= ~AccountTable.NEW_APPLICATION;
                    market.ledger.count(c, Counter.APPLICATIONS, l);
                    apply(a, random.gaussian(a, month, 3), c);
                }
            }
        }
        return applied;
    }

    /**
     * Limit management of an open account: the lender's tightening cut, a cut of
     * {@code external_cut} while a delinquency elsewhere is visible (never below the balance), then
     * the review. A behaviour review ({@code review: behaviour}) scores the account
     * ({@link BehaviourScore}): above {@code cut_min_score} it cuts {@code behaviour_cut} of the
     * undrawn limit, once per spell above the threshold (never below the balance: only the undrawn
     * part is cut); every {@code increase_after_months} months on book an account current for at
     * least that long, using more than {@code increase_utilisation} of its limit (the need) and
     * scoring below {@code increase_max_score} gets an increase of {@code increase}. A utilisation
     * review (the old rule) raises any account current for {@code increase_after_months} (since its
     * last increase) that uses more than {@code increase_utilisation} of its limit. The conditions
     * on bytes come before those on balances, and an unchanged limit is not written back: most
     * accounts, most months, keep theirs. A sampled account's score is snapshotted for
     * {@link BehaviourRanking}, whatever the review.
     *
     * @param i             the account's borrower (known to the caller: not read from the account table)
     * @param balance       the account's balance ({@link AccountTable#balance}, read by the caller)
     * @param seenElsewhere whether this lender sees a delinquency at another lender on the bureau
     */
    private void manageLimit(AccountTable acc, int a, int i, double balance, LenderState lender, int c, int month, boolean seenElsewhere) {
        double limit = acc.limit[a];
        if (lender.failed) {
            acc.limit[a] = (float) Math.min(limit, balance);
            return;
        }
        double before = limit;
        if (lender.pendingLimitCut > 0) {
            limit *= 1.0 - lender.pendingLimitCut;
        }
        LenderSpec.LimitManagement policy = limitPolicy[lender.index];
        boolean traced = market.trace() != null && market.trace().is(i);
        if (traced && lender.pendingLimitCut > 0) {
            market.trace().account(market.month(), a).events.add("limit cut: the lender is tightening credit");
        }
        boolean externalCut = policy.externalCut() > 0 && seenElsewhere;
        // The review's score is not needed under a bureau-driven cut (it replaces the review this month).
        boolean review = behaviourReview[lender.index] && !externalCut;
        boolean sample = ranking != null && BehaviourRanking.sampled(a) && BehaviourRanking.counted(month)
                && BehaviourRanking.eligible(acc, a, month);
        double score = Double.NaN;
        if (review || sample) {
            boolean sees = bureau != null && (seenElsewhere || bureau.sees(i, lender.index));
            score = behaviourScore.of(acc, market.borrowers.creditScore[i], a, balance, month, sees, seenElsewhere);
            if (sample) {
                ranking.snapshot(c, month, acc, a, score);
            }
        }
        if (externalCut) {
            double cut = Math.max(balance, limit * (1.0 - policy.externalCut()));
            if (cut < limit - 1.0) {
                limit = cut;
                market.ledger.count(c, Counter.LIMIT_CUTS_EXTERNAL, lender.index);
            } else {
                traced = false;
            }
            if (traced) {
                market.trace().account(market.month(), a).events.add("limit cut: the bureau shows a delinquency at another lender");
            }
        } else if (review) {
            if (score > policy.cutMinScore()) {
                if (policy.behaviourCut() > 0 && acc.monthsPastDue[a] == 0 && !acc.has(a, AccountTable.BEHAVIOUR_CUT)) {
                    acc.set(a, AccountTable.BEHAVIOUR_CUT);
                    if (balance < limit - 1.0) {
                        limit -= policy.behaviourCut() * (limit - balance);
                        if ((float) limit < balance) {
                            // A cut of the whole undrawn limit: float rounding must not take it below the balance.
                            limit = Math.nextUp((float) limit);
                        }
                        market.ledger.count(c, Counter.LIMIT_CUTS_BEHAVIOUR, lender.index);
                        if (traced) {
                            market.trace().account(market.month(), a).events.add("limit cut: a bad behaviour score");
                        }
                    }
                }
            } else {
                if (acc.has(a, AccountTable.BEHAVIOUR_CUT)) {
                    acc.flags[a] &= ~AccountTable.BEHAVIOUR_CUT;
                }
                if (policy.increase() > 0 && score < policy.increaseMaxScore() && acc.monthsPastDue[a] == 0
                        && acc.goodMonths[a] >= policy.increaseAfterMonths()
                        && (month - acc.openedMonth[a]) % policy.increaseAfterMonths() == 0
                        && lender.lending() && lender.limitFactor() >= 1.0 && balance > policy.increaseUtilisation() * limit
                        && limit < policy.maxIncomeMultiple() * market.borrowers.permanentIncome[i]) {
                    limit = raised(acc, a, i, policy, limit, lender, c, traced, "limit raised: a good behaviour score");
                }
            }
        } else if (policy.increase() > 0 && acc.monthsPastDue[a] == 0 && acc.goodMonths[a] >= policy.increaseAfterMonths()
                && lender.lending() && lender.pendingLimitCut == 0 && balance > policy.increaseUtilisation() * limit
                && limit < policy.maxIncomeMultiple() * market.borrowers.permanentIncome[i]) {
            limit = raised(acc, a, i, policy, limit, lender, c, traced, "limit raised: a good payer");
            acc.goodMonths[a] = 0;
        }
        if (limit != before) {
            acc.limit[a] = (float) limit;
        }
    }

    /**
     * A limit increase of {@code increase}, within the product's maximum and
     * {@code max_income_multiple} of the borrower's permanent income; counted, and told to the trace.
     */
    private double raised(AccountTable acc, int a, int i, LenderSpec.LimitManagement policy, double limit, LenderState lender,
                          int c, boolean traced, String event) {
        market.ledger.count(c, Counter.LIMIT_INCREASES, lender.index);
        if (traced) {
            market.trace().account(market.month(), a).events.add(event);
        }
        return Math.min(Math.min(maxLimit[acc.product[a]], policy.maxIncomeMultiple() * market.borrowers.permanentIncome[i]),
                limit * (1.0 + policy.increase()));
    }
}

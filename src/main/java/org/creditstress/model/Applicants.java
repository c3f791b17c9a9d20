package org.creditstress.model;

import java.util.List;
import java.util.SplittableRandom;
import org.creditstress.model.borrower.AccountTable;
import org.creditstress.model.borrower.BorrowerTable;
import org.creditstress.model.lender.Underwriting;
import org.creditstress.scenario.BehaviourSpec;
import org.creditstress.scenario.BureauSpec;
import org.creditstress.scenario.LenderSpec;
import org.creditstress.scenario.SegmentSpec;

/**
 * Draws people into borrower rows and the applications they make: at the start every row
 * ({@link MarketBuilder}), and later each newcomer who takes the row of a borrower who left the
 * market ({@link org.creditstress.model.borrower.PopulationTurnover}). A newcomer keeps the row's
 * segment and employment state (its place in the labour market); everything else is drawn as for
 * the starting population, so it is distributed like the starting population of its segment.
 *
 * <p>Trait index: {@code r = (z_pb - z_lit - z_sav) / sqrt(3)}, where the z are the standard normal
 * draws behind the borrower's present bias, literacy and savings. It is standard normal, and it
 * ranks borrowers by the traits that make them fall behind in the model: impulsive, less literate,
 * thinner savings. It is one of the drivers of the true risk lenders observe with noise at
 * application ({@link org.creditstress.model.lender.ApplicationRisk}, with segment, employment and
 * debt service; fraudsters and strategic defaulters are set there).
 *
 * <p>Credit score: {@code score_mean - score_sd * r} (before the integrity shift: a forged identity
 * has a clean file), within 300-850.
 *
 * <p>Applications: the number of lenders is drawn from the segment's (or the population's)
 * {@code lenders_held}; the lenders are drawn by market share without replacement; at each, the
 * purchase line and, with {@code cash_loan_share}, the cash loan; at most {@code slots} accounts
 * (the borrower's account slots).
 */
public final class Applicants implements java.io.Serializable {
    private static final double SQRT3 = Math.sqrt(3.0);
    /** Standard normal quantile of 1/3: literacy terciles are at the trait's values for -z and +z. */
    private static final double TERCILE_Z = 0.4307272992954576;

    private final List<SegmentSpec> segments;
    private final BehaviourSpec behaviour;
    private final BureauSpec bureau;
    private final List<LenderSpec> lenders;
    private final List<Double> lendersHeld;
    private final double cashLoanShare;
    private final double meanRelative;
    private final double literacyLow;
    private final double literacyHigh;
    /** Product index of each lender's purchase line and cash loan, or -1. */
    private final int[] lineProduct;
    private final int[] loanProduct;
    private final int slots;

    /**
     * What drawing people and their applications needs from the scenario.
     *
     * @param segments      the population's segments
     * @param behaviour     the population's behaviour traits
     * @param bureau        the credit score's mean and spread
     * @param lenders       the lenders (market shares)
     * @param lendersHeld   the population's probabilities of applying to 1, 2, ... lenders (a segment's own list wins)
     * @param cashLoanShare share of applicants at a lender who also apply for its cash loan
     * @param lineProduct   product index of each lender's purchase line, or -1
     * @param loanProduct   product index of each lender's cash loan, or -1
     * @param slots         account slots per borrower
     */
    public record Spec(List<SegmentSpec> segments, BehaviourSpec behaviour, BureauSpec bureau, List<LenderSpec> lenders,
                       List<Double> lendersHeld, double cashLoanShare, int[] lineProduct, int[] loanProduct, int slots) {
    }

    public Applicants(Spec spec) {
        this.segments = spec.segments();
        this.behaviour = spec.behaviour();
        this.bureau = spec.bureau();
        this.lenders = spec.lenders();
        this.lendersHeld = spec.lendersHeld();
        this.cashLoanShare = spec.cashLoanShare();
        this.slots = spec.slots();
        double mean = 0;
        for (SegmentSpec seg : segments) {
            mean += seg.share() * seg.jobLossRelative();
        }
        this.meanRelative = mean;
        this.literacyLow = behaviour.literacy().at(-TERCILE_Z);
        this.literacyHigh = behaviour.literacy().at(TERCILE_Z);
        lineProduct = spec.lineProduct().clone();
        loanProduct = spec.loanProduct().clone();
    }

    public int slots() {
        return slots;
    }

    /** Share of applicants at a lender who also apply for its cash loan. */
    public double cashLoanShare() {
        return cashLoanShare;
    }

    /**
     * Opens a new relationship of borrower {@code i} with lender {@code l} in its empty slots: the
     * purchase line and, if {@code withLoan}, the cash loan; returns the first slot used, or -1.
     */
    public int relate(AccountTable acc, int a0, int i, int l, boolean withLoan) {
        int before = firstEmpty(acc, a0);
        if (before < 0) {
            return -1;
        }
        long code = 1L << l | (withLoan && loanProduct[l] >= 0 ? 1L << (32 + l) : 0L);
        return fill(acc, a0, i, code) > 0 ? before : -1;
    }

    private int firstEmpty(AccountTable acc, int a0) {
        for (int a = a0; a < a0 + slots; a++) {
            if (acc.status[a] == AccountTable.EMPTY) {
                return a;
            }
        }
        return -1;
    }

    /** Purchase-line product of lender {@code l}, or -1. */
    public int lineProduct(int l) {
        return lineProduct[l];
    }

    /** Cash-loan product of lender {@code l}, or -1. */
    public int loanProduct(int l) {
        return loanProduct[l];
    }

    /**
     * Draws a person of the starting population into row {@code i} with unemployment {@code u}
     * and returns the applications it makes: bit {@code l} set if it applies to lender {@code l},
     * bit {@code 32 + l} if also for lender {@code l}'s cash loan.
     */
    public long draw(BorrowerTable b, int i, SplittableRandom rng, double u) {
        int k = pickSegment(rng.nextDouble());
        SegmentSpec seg = segments.get(k);
        b.segment[i] = (byte) k;
        boolean thinFile = rng.nextDouble() < seg.thinFileShare();
        double unemployedProbability = meanRelative > 0 ? Math.min(1.0, u * seg.jobLossRelative() / meanRelative) : u;
        boolean employed = rng.nextDouble() >= unemployedProbability;
        b.monthsInState[i] = 0;
        return person(b, i, rng, seg, thinFile, employed);
    }

    /**
     * Draws a newcomer into row {@code i}, the row of a borrower who left the credit market, and
     * returns its applications (as {@link #draw}). The newcomer takes the leaver's place in the
     * labour market: its segment, whether it is employed and for how many months. Who uses credit
     * then never moves the unemployment rate or the segment mix, which the scenario sets; the
     * rest (thin file, integrity, income, savings, traits, applications) is drawn afresh, like the
     * starting population's.
     */
    public long arrive(BorrowerTable b, int i, SplittableRandom rng) {
        SegmentSpec seg = segments.get(b.segment[i]);
        boolean thinFile = rng.nextDouble() < seg.thinFileShare();
        return person(b, i, rng, seg, thinFile, b.employed(i));
    }

    private long person(BorrowerTable b, int i, SplittableRandom rng, SegmentSpec seg, boolean thinFile, boolean employed) {
        b.scareLeft[i] = 0;
        b.essentialArrears[i] = 0f;
        byte flags = 0;
        if (thinFile) {
            flags |= BorrowerTable.THIN_FILE;
        }
        if (employed) {
            flags |= BorrowerTable.EMPLOYED;
        }
        flags |= integrity(rng.nextDouble(), seg);
        b.flags[i] = flags;
        double income = seg.incomeMedian() * Math.exp(seg.incomeDispersion() * rng.nextGaussian());
        b.permanentIncome[i] = (float) income;
        b.familyHelp[i] = (float) (seg.familyHelpMonths() * income);
        b.income[i] = 0f;
        double zSav = rng.nextGaussian();
        double savings = seg.savingsMonthsMedian() * Math.exp(seg.savingsDispersion() * zSav) * income;
        b.savings[i] = savings;
        b.savingsTarget[i] = (float) savings;
        b.essentialShare[i] = (float) behaviour.essentialShare().at(rng.nextGaussian());
        b.discretionary[i] = (float) behaviour.discretionaryPropensity().at(rng.nextGaussian());
        double zPb = rng.nextGaussian();
        double zLit = rng.nextGaussian();
        biasAndLiteracy(b, i, zPb, zLit);
        double risk = (zPb - zLit - zSav) / SQRT3;
        double score = Math.min(850, Math.max(300, bureau.scoreMean() - bureau.scoreSd() * risk));
        b.baseScore[i] = (float) score;
        b.creditScore[i] = (float) score;
        b.trueRisk[i] = (float) risk;
        return chooseHoldings(seg, rng, b, i);
    }

    /** Fraudster or strategic defaulter flag from a uniform draw and the segment's shares (0 for neither). */
    private static byte integrity(double u, SegmentSpec seg) {
        boolean fraud = u < seg.fraudShare();
        boolean strategic = !fraud && u < seg.fraudShare() + seg.strategicShare();
        return fraud ? BorrowerTable.FRAUD : strategic ? BorrowerTable.STRATEGIC : 0;
    }

    /**
     * A new stage of life for borrower {@code i}: its behavioural traits (essential share,
     * discretionary propensity, present bias, literacy, savings target) are drawn afresh, and with
     * them its true risk and the score it recovers towards. Debts, savings, income, employment,
     * integrity and the current score are kept.
     */
    public void newStageOfLife(BorrowerTable b, int i, SplittableRandom rng) {
        SegmentSpec seg = segments.get(b.segment[i]);
        b.essentialShare[i] = (float) behaviour.essentialShare().at(rng.nextGaussian());
        b.discretionary[i] = (float) behaviour.discretionaryPropensity().at(rng.nextGaussian());
        double zPb = rng.nextGaussian();
        double zLit = rng.nextGaussian();
        double zSav = rng.nextGaussian();
        biasAndLiteracy(b, i, zPb, zLit);
        b.savingsTarget[i] = (float) (seg.savingsMonthsMedian() * Math.exp(seg.savingsDispersion() * zSav) * b.permanentIncome[i]);
        double risk = (zPb - zLit - zSav) / SQRT3;
        b.baseScore[i] = (float) Math.min(850, Math.max(300, bureau.scoreMean() - bureau.scoreSd() * risk));
        b.trueRisk[i] = (float) risk;
    }

    private void biasAndLiteracy(BorrowerTable b, int i, double zPb, double zLit) {
        b.presentBias[i] = (float) behaviour.presentBias().at(zPb);
        b.literacy[i] = (float) behaviour.literacy().at(zLit);
        b.literacyTercile[i] = (byte) (b.literacy[i] < literacyLow ? 0 : b.literacy[i] < literacyHigh ? 1 : 2);
    }

    /**
     * Draws what a loan tape does not say about borrower {@code i}, whose segment, employment, thin
     * file, permanent income and savings are set (a book: {@link org.creditstress.model.book.BookLoader}).
     * Integrity (fraudster, strategic defaulter) from the segment's shares; essential share and
     * discretionary propensity from the behaviour traits; family help at {@code family_help_months}
     * of permanent income. The three standard normal draws behind present bias, literacy and savings
     * are drawn given the base score when the tape has one: the score fixes their combination
     * {@code r = (z_pb - z_lit - z_sav) / sqrt(3) = (score_mean - base score) / score_sd}, and the draws
     * are {@code x_j = sqrt(3) r / 3 + e_j - mean(e)} for {@code x = (z_pb, -z_lit, -z_sav)} and iid
     * standard normal {@code e} (the exact conditional distribution). Without a score they are drawn
     * freely and the score follows from them, as for the starting population. The savings target is
     * the segment's savings distribution at {@code z_sav} (the tape's savings are today's, not the target).
     *
     * @param baseScore the tape's base score, or NaN to draw it; the current score is set by the caller
     */
    public void drawUntold(BorrowerTable b, int i, SplittableRandom rng, double baseScore) {
        SegmentSpec seg = segments.get(b.segment[i]);
        b.scareLeft[i] = 0;
        b.essentialArrears[i] = 0f;
        byte flags = (byte) (b.flags[i] & (BorrowerTable.EMPLOYED | BorrowerTable.THIN_FILE));
        flags |= integrity(rng.nextDouble(), seg);
        b.flags[i] = flags;
        double income = b.permanentIncome[i];
        b.familyHelp[i] = (float) (seg.familyHelpMonths() * income);
        b.essentialShare[i] = (float) behaviour.essentialShare().at(rng.nextGaussian());
        b.discretionary[i] = (float) behaviour.discretionaryPropensity().at(rng.nextGaussian());
        double e1 = rng.nextGaussian();
        double e2 = rng.nextGaussian();
        double e3 = rng.nextGaussian();
        double zPb;
        double zLit;
        double zSav;
        if (Double.isNaN(baseScore)) {
            zPb = e1;
            zLit = e2;
            zSav = e3;
        } else {
            double r = (bureau.scoreMean() - baseScore) / bureau.scoreSd();
            double third = SQRT3 * r / 3.0;
            double mean = (e1 + e2 + e3) / 3.0;
            zPb = third + e1 - mean;
            zLit = -(third + e2 - mean);
            zSav = -(third + e3 - mean);
        }
        b.savingsTarget[i] = (float) (seg.savingsMonthsMedian() * Math.exp(seg.savingsDispersion() * zSav) * income);
        biasAndLiteracy(b, i, zPb, zLit);
        double risk = (zPb - zLit - zSav) / SQRT3;
        double score = Double.isNaN(baseScore) ? Math.min(850, Math.max(300, bureau.scoreMean() - bureau.scoreSd() * risk)) : baseScore;
        b.baseScore[i] = (float) score;
        b.creditScore[i] = (float) score;
        b.trueRisk[i] = (float) risk;
    }

    private int pickSegment(double u) {
        double cumulative = 0;
        for (int k = 0; k < segments.size(); k++) {
            cumulative += segments.get(k).share();
            if (u < cumulative) {
                return k;
            }
        }
        return segments.size() - 1;
    }

    private long chooseHoldings(SegmentSpec seg, SplittableRandom rng, BorrowerTable b, int i) {
        List<Double> held = seg.lendersHeld().isEmpty() ? lendersHeld : seg.lendersHeld();
        int count = pickCount(held, Math.min(lenders.size(), Math.max(1, held.size())), rng.nextDouble());
        long code = 0;
        int accounts = 0;
        int chosen = 0;
        for (int j = 0; j < count; j++) {
            int l = pickLender(rng.nextDouble(), code);
            boolean loan = loanProduct[l] >= 0 && rng.nextDouble() < cashLoanShare;
            int need = (lineProduct[l] >= 0 ? 1 : 0) + (loan ? 1 : 0);
            if (accounts + need > slots) {
                continue;
            }
            code |= 1L << l;
            chosen++;
            accounts += need;
            if (loan) {
                code |= 1L << (32 + l);
            }
        }
        b.lendersHeld[i] = (byte) chosen;
        return code;
    }

    /** Draws 1..max from probabilities of 1, 2, ... (cut at max, rescaled). */
    private static int pickCount(List<Double> probabilities, int max, double u) {
        double total = 0;
        for (int k = 0; k < max && k < probabilities.size(); k++) {
            total += probabilities.get(k);
        }
        if (total <= 0) {
            return 1;
        }
        double cumulative = 0;
        for (int k = 0; k < max && k < probabilities.size(); k++) {
            cumulative += probabilities.get(k) / total;
            if (u < cumulative) {
                return k + 1;
            }
        }
        return Math.min(max, probabilities.size());
    }

    /** A lender not yet in {@code taken} (a bit mask), drawn by market share. */
    private int pickLender(double u, long taken) {
        double total = 0;
        int free = 0;
        for (int l = 0; l < lenders.size(); l++) {
            if ((taken & (1L << l)) == 0) {
                total += lenders.get(l).marketShare();
                free++;
            }
        }
        double cumulative = 0;
        int last = -1;
        for (int l = 0; l < lenders.size(); l++) {
            if ((taken & (1L << l)) != 0) {
                continue;
            }
            last = l;
            cumulative += total > 0 ? lenders.get(l).marketShare() / total : 1.0 / free;
            if (u < cumulative) {
                return l;
            }
        }
        return last;
    }

    /**
     * Fills borrower {@code i}'s empty slots with the applications in {@code code} (status
     * {@link AccountTable#NOT_OPEN}, flagged {@link AccountTable#NEW_APPLICATION}, lender and
     * product set), in slot order, and returns how many
     * it filled (applications that find no empty slot are dropped).
     */
    public int fill(AccountTable acc, int a0, int i, long code) {
        int a = a0;
        int end = a0 + slots;
        int placed = 0;
        for (int l = 0; l < lenders.size() && a < end; l++) {
            if ((code & (1L << l)) == 0) {
                continue;
            }
            if (lineProduct[l] >= 0 && a < end) {
                a = nextEmpty(acc, a, end);
                if (a < end) {
                    place(acc, a++, i, l, lineProduct[l], false);
                    placed++;
                }
            }
            if ((code & (1L << (32 + l))) != 0 && a < end) {
                a = nextEmpty(acc, a, end);
                if (a < end) {
                    place(acc, a++, i, l, loanProduct[l], true);
                    placed++;
                }
            }
        }
        return placed;
    }

    private static int nextEmpty(AccountTable acc, int a, int end) {
        while (a < end && acc.status[a] != AccountTable.EMPTY) {
            a++;
        }
        return a;
    }

    private static void place(AccountTable acc, int a, int i, int l, int product, boolean cashLoan) {
        acc.clear(a);
        acc.borrower[a] = i;
        acc.lender[a] = (byte) l;
        acc.product[a] = (byte) product;
        acc.cashLoan[a] = cashLoan;
        acc.setStatus(a, AccountTable.NOT_OPEN);
        acc.set(a, AccountTable.NEW_APPLICATION);
    }
}

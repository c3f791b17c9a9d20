package org.creditstress.model;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.creditstress.model.borrower.AccountTable;
import org.creditstress.model.borrower.BorrowerTable;
import org.creditstress.model.economy.MacroState;
import org.creditstress.model.engine.ChunkExecutor;
import org.creditstress.model.engine.Chunks;
import org.creditstress.model.engine.RandomStream;
import org.creditstress.model.funder.FundingNetwork;
import org.creditstress.model.lender.LenderState;
import org.creditstress.model.lender.Underwriting;
import org.creditstress.scenario.BehaviourSpec;
import org.creditstress.scenario.BureauSpec;
import org.creditstress.scenario.LenderSpec;
import org.creditstress.scenario.ProductKind;
import org.creditstress.scenario.Scenario;
import org.creditstress.scenario.SegmentSpec;

/**
 * Builds a replication's market: draws the borrowers (segment, income, savings, traits,
 * employment), decides which lenders and products each applies to, and lets the lenders
 * underwrite those first applications.
 *
 * <p>True risk: {@code r = (z_pb - z_lit - z_sav) / sqrt(3)}, where the z are the standard normal
 * draws behind the borrower's present bias, literacy and savings. It is standard normal, and it
 * ranks borrowers by the traits that make them fall behind in the model: impulsive, less literate,
 * thinner savings. Lenders observe it with noise (see {@link Underwriting}). A strategic defaulter's
 * risk is shifted by {@code strategic_true_risk}; a fraudster's is {@code fraud_true_risk}: a good
 * model sees through the forgery, a poor one does not.
 *
 * <p>Credit score: {@code score_mean - score_sd * r} (before the integrity shift: a forged identity
 * has a clean file), within 300-850.
 */
public final class MarketBuilder {
    private static final double SQRT3 = Math.sqrt(3.0);
    /** Standard normal quantile of 1/3: literacy terciles are at the trait's values for -z and +z. */
    private static final double TERCILE_Z = 0.4307272992954576;

    private MarketBuilder() {
    }

    /** Estimated heap bytes for a population of this size (used to refuse impossible sizes). */
    public static long estimatedBytes(Scenario s) {
        List<Double> held = s.population().accounts().lendersHeld();
        double lenders = 0;
        double total = 0;
        for (int k = 0; k < held.size(); k++) {
            lenders += (k + 1) * held.get(k);
            total += held.get(k);
        }
        lenders = total > 0 ? Math.min(s.lenders().size(), lenders / total) : 1.0;
        double accountsPerBorrower = Math.max(1.0, lenders) * (1.0 + s.population().accounts().cashLoanShare());
        return (long) (s.population().size()
                * (BorrowerTable.bytesPerBorrower() + accountsPerBorrower * AccountTable.bytesPerAccount()) * 1.1)
                + 64L * 1024 * 1024;
    }

    /**
     * @param severalLenders whether borrowers may hold accounts at several lenders (the
     *                       common-borrowers channel); otherwise each holds one
     */
    public static Market build(Scenario s, long replicationSeed, ChunkExecutor executor, boolean severalLenders) {
        int n = s.population().size();
        Chunks chunks = new Chunks(n, replicationSeed);
        BorrowerTable b = new BorrowerTable(n);
        long[] holdings = new long[n];
        executor.forEachChunk(chunks, (c, from, to) -> drawBorrowers(s, b, holdings, chunks.rng(c, RandomStream.POPULATION), from, to, severalLenders));

        int total = 0;
        for (int i = 0; i < n; i++) {
            b.firstAccount[i] = total;
            total += b.accountCount[i];
        }
        b.firstAccount[n] = total;
        AccountTable acc = new AccountTable(total);
        List<LenderState> lenders = new ArrayList<>();
        for (int l = 0; l < s.lenders().size(); l++) {
            LenderSpec spec = s.lenders().get(l);
            lenders.add(new LenderState(l, spec, Underwriting.cutoff(spec.approvalRate())));
        }
        MacroState macro = new MacroState(s.population().segments().size());
        Market market = new Market(b, acc, chunks, executor, lenders, macro, new FundingNetwork(s), replicationSeed);
        executor.forEachChunk(chunks, (c, from, to) -> openAccounts(s, market, holdings, c, from, to));
        countEmployment(market, s.population().segments().size());
        return market;
    }

    private static void drawBorrowers(Scenario s, BorrowerTable b, long[] holdings, SplittableRandom rng, int from, int to,
                                      boolean severalLenders) {
        List<SegmentSpec> segments = s.population().segments();
        BehaviourSpec beh = s.population().behaviour();
        BureauSpec bureau = s.bureau();
        double u0 = s.economy().unemployment().at(1);
        double meanRelative = 0;
        for (SegmentSpec seg : segments) {
            meanRelative += seg.share() * seg.jobLossRelative();
        }
        double literacyLow = beh.literacy().at(-TERCILE_Z);
        double literacyHigh = beh.literacy().at(TERCILE_Z);
        for (int i = from; i < to; i++) {
            int k = pickSegment(segments, rng.nextDouble());
            SegmentSpec seg = segments.get(k);
            b.segment[i] = (byte) k;
            byte flags = 0;
            if (rng.nextDouble() < seg.thinFileShare()) {
                flags |= BorrowerTable.THIN_FILE;
            }
            double unemployedProbability = meanRelative > 0 ? Math.min(1.0, u0 * seg.jobLossRelative() / meanRelative) : u0;
            if (rng.nextDouble() >= unemployedProbability) {
                flags |= BorrowerTable.EMPLOYED;
            }
            double integrity = rng.nextDouble();
            boolean fraud = integrity < seg.fraudShare();
            boolean strategic = !fraud && integrity < seg.fraudShare() + seg.strategicShare();
            if (fraud) {
                flags |= BorrowerTable.FRAUD;
            } else if (strategic) {
                flags |= BorrowerTable.STRATEGIC;
            }
            b.flags[i] = flags;
            double income = seg.incomeMedian() * Math.exp(seg.incomeDispersion() * rng.nextGaussian());
            b.permanentIncome[i] = (float) income;
            double zSav = rng.nextGaussian();
            double savings = seg.savingsMonthsMedian() * Math.exp(seg.savingsDispersion() * zSav) * income;
            b.savings[i] = savings;
            b.savingsTarget[i] = (float) savings;
            b.essentialShare[i] = (float) beh.essentialShare().at(rng.nextGaussian());
            b.discretionary[i] = (float) beh.discretionaryPropensity().at(rng.nextGaussian());
            double zPb = rng.nextGaussian();
            double zLit = rng.nextGaussian();
            b.presentBias[i] = (float) beh.presentBias().at(zPb);
            b.literacy[i] = (float) beh.literacy().at(zLit);
            b.literacyTercile[i] = (byte) (b.literacy[i] < literacyLow ? 0 : b.literacy[i] < literacyHigh ? 1 : 2);
            double risk = (zPb - zLit - zSav) / SQRT3;
            double score = Math.min(850, Math.max(300, bureau.scoreMean() - bureau.scoreSd() * risk));
            b.baseScore[i] = (float) score;
            b.creditScore[i] = (float) score;
            if (fraud) {
                risk = beh.fraudTrueRisk();
            } else if (strategic) {
                risk += beh.strategicTrueRisk();
            }
            b.trueRisk[i] = (float) risk;
            holdings[i] = chooseHoldings(s, seg, rng, b, i, severalLenders);
        }
    }

    private static int pickSegment(List<SegmentSpec> segments, double u) {
        double cumulative = 0;
        for (int k = 0; k < segments.size(); k++) {
            cumulative += segments.get(k).share();
            if (u < cumulative) {
                return k;
            }
        }
        return segments.size() - 1;
    }

    /**
     * Which lenders, and which products at each, the borrower applies to, packed in a long: bit
     * {@code l} set if it applies to lender {@code l}, bit {@code 32 + l} if it also applies for
     * lender {@code l}'s cash loan. The number of lenders is drawn from the segment's (or the
     * population's) {@code lenders_held}; the lenders are drawn by market share without
     * replacement.
     */
    private static long chooseHoldings(Scenario s, SegmentSpec seg, SplittableRandom rng, BorrowerTable b, int i,
                                       boolean severalLenders) {
        List<LenderSpec> lenders = s.lenders();
        List<Double> held = seg.lendersHeld().isEmpty() ? s.population().accounts().lendersHeld() : seg.lendersHeld();
        int count = pickCount(held, Math.min(lenders.size(), Math.max(1, held.size())), rng.nextDouble());
        if (!severalLenders) {
            count = 1;
        }
        long code = 0;
        int accounts = 0;
        for (int j = 0; j < count; j++) {
            int l = pickLender(lenders, rng.nextDouble(), code);
            code |= 1L << l;
            LenderSpec lender = lenders.get(l);
            if (offers(s, lender, ProductKind.PURCHASE_LINE)) {
                accounts++;
            }
            if (offers(s, lender, ProductKind.CASH_LOAN) && rng.nextDouble() < s.population().accounts().cashLoanShare()) {
                code |= 1L << (32 + l);
                accounts++;
            }
        }
        b.accountCount[i] = (byte) accounts;
        b.lendersHeld[i] = (byte) count;
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
    private static int pickLender(List<LenderSpec> lenders, double u, long taken) {
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

    private static boolean offers(Scenario s, LenderSpec l, ProductKind kind) {
        return l.products().stream().anyMatch(id -> s.product(id).kind() == kind);
    }

    private static int productOf(Scenario s, LenderSpec l, ProductKind kind) {
        for (String id : l.products()) {
            if (s.product(id).kind() == kind) {
                return s.productIndex(id);
            }
        }
        throw new IllegalStateException("lender " + l.name() + " offers no " + kind);
    }

    private static void openAccounts(Scenario s, Market m, long[] holdings, int c, int from, int to) {
        AccountTable acc = m.accounts;
        SplittableRandom rng = m.chunks.rng(c, RandomStream.UNDERWRITING);
        Underwriting underwriting = new Underwriting(m, null, s.products(), s.bureau(),
                s.population().behaviour().fraudIncomeInflation());
        for (int i = from; i < to; i++) {
            int a = m.borrowers.firstAccount[i];
            long code = holdings[i];
            for (int l = 0; l < s.lenders().size(); l++) {
                if ((code & (1L << l)) == 0) {
                    continue;
                }
                LenderSpec lender = s.lenders().get(l);
                for (ProductKind kind : ProductKind.values()) {
                    boolean applies = kind == ProductKind.PURCHASE_LINE
                            ? offers(s, lender, kind)
                            : (code & (1L << (32 + l))) != 0;
                    if (!applies) {
                        continue;
                    }
                    acc.borrower[a] = i;
                    acc.lender[a] = (byte) l;
                    acc.product[a] = (byte) productOf(s, lender, kind);
                    acc.cashLoan[a] = kind == ProductKind.CASH_LOAN;
                    underwriting.apply(a, rng, c);
                    a++;
                }
            }
        }
    }

    private static void countEmployment(Market m, int segments) {
        long[] employed = new long[segments];
        long[] unemployed = new long[segments];
        BorrowerTable b = m.borrowers;
        for (int i = 0; i < b.size; i++) {
            if (b.employed(i)) {
                employed[b.segment[i]]++;
            } else {
                unemployed[b.segment[i]]++;
            }
        }
        m.macro.setEmployment(employed, unemployed);
    }
}

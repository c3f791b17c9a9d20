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
import org.creditstress.model.lender.LenderState;
import org.creditstress.model.lender.Underwriting;
import org.creditstress.scenario.Behaviour;
import org.creditstress.scenario.Lender;
import org.creditstress.scenario.ProductKind;
import org.creditstress.scenario.Scenario;
import org.creditstress.scenario.Segment;

/**
 * Builds a replication's market: draws the borrowers (segment, income, savings, traits,
 * employment), decides which lenders and products each applies to, and lets the lenders
 * underwrite those first applications.
 *
 * <p>True risk: {@code r = (z_pb - z_lit - z_sav) / sqrt(3)}, where the z are the standard normal
 * draws behind the borrower's present bias, literacy and savings. It is standard normal, and it
 * ranks borrowers by the traits that make them fall behind in the model: impulsive, less literate,
 * thinner savings. Lenders observe it with noise (see {@link Underwriting}).
 */
public final class MarketBuilder {
    private static final int NO_LENDER = 255;
    private static final double SQRT3 = Math.sqrt(3.0);

    private MarketBuilder() {
    }

    /** Estimated heap bytes for a population of this size (used to refuse impossible sizes). */
    public static long estimatedBytes(Scenario s) {
        double accountsPerBorrower = (1.0 + s.population().accounts().secondLenderShare())
                * (1.0 + s.population().accounts().cashLoanShare());
        return (long) (s.population().size()
                * (BorrowerTable.bytesPerBorrower() + accountsPerBorrower * AccountTable.bytesPerAccount()) * 1.1)
                + 64L * 1024 * 1024;
    }

    public static Market build(Scenario s, long replicationSeed, ChunkExecutor executor) {
        int n = s.population().size();
        Chunks chunks = new Chunks(n, replicationSeed);
        BorrowerTable b = new BorrowerTable(n);
        int[] holdings = new int[n];
        executor.forEachChunk(chunks, (c, from, to) -> drawBorrowers(s, b, holdings, chunks.rng(c, RandomStream.POPULATION), from, to));

        int total = 0;
        for (int i = 0; i < n; i++) {
            b.firstAccount[i] = total;
            total += b.accountCount[i];
        }
        b.firstAccount[n] = total;
        AccountTable acc = new AccountTable(total);
        List<LenderState> lenders = new ArrayList<>();
        for (int l = 0; l < s.lenders().size(); l++) {
            Lender spec = s.lenders().get(l);
            lenders.add(new LenderState(l, spec, Underwriting.cutoff(spec.approvalRate())));
        }
        MacroState macro = new MacroState(s.population().segments().size());
        Market market = new Market(s, b, acc, chunks, executor, lenders, macro);
        executor.forEachChunk(chunks, (c, from, to) -> openAccounts(market, holdings, c, from, to));
        countEmployment(market);
        return market;
    }

    private static void drawBorrowers(Scenario s, BorrowerTable b, int[] holdings, SplittableRandom rng, int from, int to) {
        List<Segment> segments = s.population().segments();
        Behaviour beh = s.population().behaviour();
        double u0 = s.economy().unemployment().at(1);
        double meanRelative = 0;
        for (Segment seg : segments) {
            meanRelative += seg.share() * seg.jobLossRelative();
        }
        for (int i = from; i < to; i++) {
            int k = pickSegment(segments, rng.nextDouble());
            Segment seg = segments.get(k);
            b.segment[i] = (byte) k;
            byte flags = 0;
            if (rng.nextDouble() < seg.thinFileShare()) {
                flags |= BorrowerTable.THIN_FILE;
            }
            double unemployedProbability = meanRelative > 0 ? Math.min(1.0, u0 * seg.jobLossRelative() / meanRelative) : u0;
            if (rng.nextDouble() >= unemployedProbability) {
                flags |= BorrowerTable.EMPLOYED;
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
            b.trueRisk[i] = (float) ((zPb - zLit - zSav) / SQRT3);
            holdings[i] = chooseHoldings(s, rng, b, i);
        }
    }

    private static int pickSegment(List<Segment> segments, double u) {
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
     * Which lenders (main, and maybe a second) and which products at each the borrower applies
     * for, packed in an int: bits 0-7 main lender, 8-15 second lender (255 none), bit 16/17 line
     * and loan at the main lender, bit 18/19 at the second.
     */
    private static int chooseHoldings(Scenario s, SplittableRandom rng, BorrowerTable b, int i) {
        List<Lender> lenders = s.lenders();
        int main = pickLender(lenders, rng.nextDouble(), -1);
        int second = NO_LENDER;
        if (lenders.size() > 1 && rng.nextDouble() < s.population().accounts().secondLenderShare()) {
            second = pickLender(lenders, rng.nextDouble(), main);
        }
        int code = main | (second << 8);
        int count = 0;
        int[] chosen = {main, second};
        for (int slot = 0; slot < 2; slot++) {
            if (chosen[slot] == NO_LENDER) {
                continue;
            }
            Lender l = lenders.get(chosen[slot]);
            if (offers(s, l, ProductKind.PURCHASE_LINE)) {
                code |= 1 << (16 + 2 * slot);
                count++;
            }
            if (offers(s, l, ProductKind.CASH_LOAN) && rng.nextDouble() < s.population().accounts().cashLoanShare()) {
                code |= 1 << (17 + 2 * slot);
                count++;
            }
        }
        b.accountCount[i] = (byte) count;
        return code;
    }

    private static int pickLender(List<Lender> lenders, double u, int exclude) {
        double total = 0;
        for (int l = 0; l < lenders.size(); l++) {
            if (l != exclude) {
                total += lenders.get(l).marketShare();
            }
        }
        double cumulative = 0;
        int last = -1;
        for (int l = 0; l < lenders.size(); l++) {
            if (l == exclude) {
                continue;
            }
            last = l;
            cumulative += total > 0 ? lenders.get(l).marketShare() / total : 1.0 / (lenders.size() - (exclude >= 0 ? 1 : 0));
            if (u < cumulative) {
                return l;
            }
        }
        return last;
    }

    private static boolean offers(Scenario s, Lender l, ProductKind kind) {
        return l.products().stream().anyMatch(id -> s.product(id).kind() == kind);
    }

    private static int productOf(Scenario s, Lender l, ProductKind kind) {
        for (String id : l.products()) {
            if (s.product(id).kind() == kind) {
                return s.productIndex(id);
            }
        }
        throw new IllegalStateException("lender " + l.name() + " offers no " + kind);
    }

    private static void openAccounts(Market m, int[] holdings, int c, int from, int to) {
        Scenario s = m.scenario;
        AccountTable acc = m.accounts;
        SplittableRandom rng = m.chunks.rng(c, RandomStream.UNDERWRITING);
        for (int i = from; i < to; i++) {
            int a = m.borrowers.firstAccount[i];
            int code = holdings[i];
            int[] chosen = {code & 0xFF, (code >>> 8) & 0xFF};
            for (int slot = 0; slot < 2; slot++) {
                if (chosen[slot] == NO_LENDER) {
                    continue;
                }
                Lender l = s.lenders().get(chosen[slot]);
                for (int kindBit = 0; kindBit < 2; kindBit++) {
                    if ((code & (1 << (16 + 2 * slot + kindBit))) == 0) {
                        continue;
                    }
                    ProductKind kind = kindBit == 0 ? ProductKind.PURCHASE_LINE : ProductKind.CASH_LOAN;
                    acc.borrower[a] = i;
                    acc.lender[a] = (byte) chosen[slot];
                    acc.product[a] = (byte) productOf(s, l, kind);
                    acc.cashLoan[a] = kind == ProductKind.CASH_LOAN;
                    Underwriting.apply(m, a, rng, c);
                    a++;
                }
            }
        }
    }

    private static void countEmployment(Market m) {
        int segments = m.scenario.population().segments().size();
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

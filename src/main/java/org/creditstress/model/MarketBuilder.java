package org.creditstress.model;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.creditstress.model.book.BookLoader;
import org.creditstress.model.borrower.AccountTable;
import org.creditstress.model.borrower.BorrowerTable;
import org.creditstress.model.economy.MacroState;
import org.creditstress.model.engine.ChunkExecutor;
import org.creditstress.model.engine.Chunks;
import org.creditstress.model.engine.RandomStream;
import org.creditstress.model.engine.ReplicationSeeds;
import org.creditstress.model.funder.FundingNetwork;
import org.creditstress.model.lender.ApplicationRisk;
import org.creditstress.model.lender.LenderState;
import org.creditstress.model.lender.Underwriting;
import org.creditstress.scenario.LenderSpec;
import org.creditstress.scenario.LoanTape;
import org.creditstress.scenario.ProductKind;
import org.creditstress.scenario.Scenario;

/**
 * Builds a replication's market: draws the borrowers and the applications they make
 * ({@link Applicants}), gives each borrower its account slots, and lets the lenders underwrite
 * those first applications.
 */
public final class MarketBuilder {

    private MarketBuilder() {
    }

    /** Heap a run needs whatever its population (classes, the scenario, buffers), counted once in {@link #estimatedBytes}. */
    public static final long BASE_BYTES = 64L * 1024 * 1024;

    /** Estimated heap bytes for a population of this size (used to refuse impossible sizes), {@link #BASE_BYTES} included. */
    public static long estimatedBytes(Scenario s) {
        // In double: 50 million borrowers times a few hundred bytes overflows an int.
        // Plan entries: 10.6 a borrower of the shipped China market after its burn-in, in a pool with
        // about a third more room (PlanBookTest); allowed for as one per clock value (25: 350 B).
        double perBorrower = BorrowerTable.bytesPerBorrower() + AccountTable.BYTES_PER_HOLDER + (double) slots(s) * AccountTable.bytesPerAccount()
                + (double) ringLength(s) * AccountTable.BYTES_PER_PLAN_ENTRY;
        return (long) (s.population().size() * perBorrower * 1.1) + BASE_BYTES;
    }

    /** Account slots per borrower: one per lender and product, at most {@code slots_per_borrower}. */
    public static int slots(Scenario s) {
        int products = 0;
        for (LenderSpec l : s.lenders()) {
            products += l.products().size();
        }
        return Math.max(1, Math.min(s.population().accounts().slotsPerBorrower(), products));
    }

    /** How people are drawn into borrower rows and which applications they make, from the scenario. */
    public static Applicants applicants(Scenario s) {
        int[] line = new int[s.lenders().size()];
        int[] loan = new int[s.lenders().size()];
        for (int l = 0; l < line.length; l++) {
            line[l] = productOf(s, s.lenders().get(l), ProductKind.PURCHASE_LINE);
            loan[l] = productOf(s, s.lenders().get(l), ProductKind.CASH_LOAN);
        }
        return new Applicants(new Applicants.Spec(s.population().segments(), s.population().behaviour(), s.bureau(),
                s.lenders(), s.population().accounts().lendersHeld(), s.population().accounts().cashLoanShare(), line, loan,
                slots(s)));
    }

    private static int productOf(Scenario s, LenderSpec l, ProductKind kind) {
        for (String id : l.products()) {
            if (s.product(id).kind() == kind) {
                return s.productIndex(id);
            }
        }
        return -1;
    }

    /** Ring length of the account table: the longest plan or loan term of any product, plus one. */
    public static int ringLength(Scenario s) {
        int longest = 1;
        for (org.creditstress.scenario.ProductSpec p : s.products()) {
            longest = Math.max(longest, p.longestTerm());
        }
        return longest + 1;
    }

    /** Builds a replication's market on one seed ({@link ReplicationSeeds#of}). */
    public static Market build(Scenario s, long replicationSeed, ChunkExecutor executor) {
        return build(s, ReplicationSeeds.of(replicationSeed), executor);
    }

    /**
     * Builds a replication's market: every borrower drawn (from the starting book's seed), its
     * applications underwritten; or, when the scenario has a {@code population.book}, read from the
     * book ({@link BookLoader}).
     */
    public static Market build(Scenario s, ReplicationSeeds seeds, ChunkExecutor executor) {
        if (!s.population().book().isEmpty()) {
            return fromBook(s, seeds, executor);
        }
        int n = s.population().size();
        Chunks chunks = new Chunks(n, seeds.start());
        BorrowerTable b = new BorrowerTable(n);
        Applicants applicants = applicants(s);
        int slots = applicants.slots();
        for (int i = 0; i <= n; i++) {
            b.firstAccount[i] = i * slots;
        }
        java.util.Arrays.fill(b.accountCount, (byte) slots);
        AccountTable acc = new AccountTable(n * slots, ringLength(s), Chunks.CHUNK_SIZE * slots, slots);
        double u1 = s.economy().unemployment().at(1);
        executor.forEachChunk(chunks, (c, from, to) -> {
            SplittableRandom rng = chunks.rng(c, RandomStream.POPULATION);
            for (int i = from; i < to; i++) {
                long code = applicants.draw(b, i, rng, u1);
                applicants.fill(acc, b.firstAccount[i], i, code);
            }
        });
        List<LenderState> lenders = lenders(s);
        MacroState macro = new MacroState(s.population().segments().size());
        Market market = new Market(b, acc, chunks, executor, lenders, macro, new FundingNetwork(s), seeds);
        ApplicationRisk risk = ApplicationRisk.of(s.population(), s.products());
        executor.forEachChunk(chunks, (c, from, to) -> {
            SplittableRandom rng = chunks.rng(c, RandomStream.UNDERWRITING);
            Underwriting underwriting = new Underwriting(market, null, s.products(), s.bureau(),
                    s.population().behaviour().fraudIncomeInflation(), risk);
            for (int a = b.firstAccount[from]; a < b.firstAccount[to]; a++) {
                if (acc.status[a] == AccountTable.NOT_OPEN) {
                    acc.flags[a] &= ~AccountTable.NEW_APPLICATION;
                    underwriting.apply(a, rng, c);
                }
            }
        });
        countEmployment(market);
        return market;
    }

    /** A replication started from the scenario's book (the loader has set the size to the tape's borrowers). */
    private static Market fromBook(Scenario s, ReplicationSeeds seeds, ChunkExecutor executor) {
        LoanTape tape = LoanTape.of(s);
        if (tape.borrowers().size() != s.population().size() || LoanTape.slots(s) != slots(s) || LoanTape.ringLength(s) != ringLength(s)) {
            throw new IllegalStateException("the book " + s.population().book() + " does not fit the scenario it was checked against");
        }
        return BookLoader.build(tape, applicants(s), ringLength(s), lenders(s), new FundingNetwork(s), s.population().segments().size(),
                seeds, executor);
    }

    /** The lenders' states before anything is lent: each with its score cut-off. */
    public static List<LenderState> lenders(Scenario s) {
        List<LenderState> lenders = new ArrayList<>();
        for (int l = 0; l < s.lenders().size(); l++) {
            LenderSpec spec = s.lenders().get(l);
            lenders.add(new LenderState(l, spec, Underwriting.cutoff(spec.approvalRate())));
        }
        return lenders;
    }

    /** Hands the macro state the number of employed and unemployed borrowers by segment. */
    public static void countEmployment(Market m) {
        int segments = m.macro.segments();
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

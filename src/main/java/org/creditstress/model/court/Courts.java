package org.creditstress.model.court;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.creditstress.model.Market;
import org.creditstress.model.borrower.AccountTable;
import org.creditstress.model.borrower.BorrowerTable;
import org.creditstress.model.engine.ChunkPhase;
import org.creditstress.model.engine.Chunks;
import org.creditstress.model.engine.Flow;
import org.creditstress.model.engine.RandomStream;
import org.creditstress.model.engine.ReplicationSeeds;
import org.creditstress.scenario.LenderSpec;
import sim.engine.SimState;

/**
 * Phase 7 of the month: the courts.
 * <ol>
 *   <li>This month's filings (from {@link Litigation}, in chunk order) join the queue; each lender
 *       pays {@code cost_per_case} per case, times {@code batch_cost_factor} in a month it files at
 *       least {@code batch_size} cases (batch litigation).</li>
 *   <li>The courts take cases from the queue, first come first served, up to
 *       {@code capacity_per_100k} per 100,000 borrowers a month (fractions carry over).</li>
 *   <li>A case taken is judged {@code months_to_judgment} later, and enforced
 *       {@code months_to_enforcement} after judgment. A case whose account is current again at
 *       judgment is withdrawn.</li>
 *   <li>Enforcement recovers nothing with {@code nothing_probability}, else a Beta-distributed share
 *       (mean {@code recovery_share_mean}, concentration {@code recovery_share_concentration}) of
 *       the claim, capped at what is still owed on an open account. It comes from the borrower's
 *       savings (account freezing) and, beyond them, from assets outside the model (seizure). On an
 *       open account it is a repayment; on a written-off one, a recovery.</li>
 * </ol>
 * Each case draws from its own generator, seeded by (replication, account, filing month), so one
 * lender's cases never shift another's outcomes.
 *
 * <p>How a month runs. The cases that reach judgment or enforcement this month are those in court
 * whose month has come ({@link #beginMonth}); acting on one (the withdrawal check, the judgment,
 * the enforcement on the account and the borrower's savings) touches only its own borrower's rows,
 * so it is done chunk by chunk ({@link #stepChunk}), after the lenders' phases of that chunk, like
 * every other account-level step. {@link #step} then files this month's cases, takes cases from the
 * queue, and settles the cases acted on in queue order: their ledger entries, the month's
 * statistics and their removal. When cases are judged in the month they are taken
 * ({@code months_to_judgment: 0}) the month's cases depend on this month's filings from every chunk,
 * so {@link #canRunChunkByChunk} is false and {@link #step} does everything in that order on its own.
 */
public final class Courts implements ChunkPhase {
    private static final long serialVersionUID = 1L;
    private final Market market;
    private final org.creditstress.scenario.CourtsSpec spec;
    private final List<List<CourtCase>> filingsByChunk = new ArrayList<>();
    private final ArrayDeque<CourtCase> waiting = new ArrayDeque<>();
    private final List<Scheduled> inCourt = new ArrayList<>();
    private final BetaDistribution recoveryShare;
    private final ReplicationSeeds seeds;
    private final double capacityPerMonth;
    private double capacityCredit;
    private int firstSuedBorrower = -1;
    private boolean started;
    private final MonthStats stats = new MonthStats();

    /** Cases in court acted on this month, by chunk of their borrower, in queue order (indices into {@link #inCourt}). */
    private final int[][] dueByChunk;
    private final int[] dueCount;

    /** What acting on a case did this month, settled in queue order by {@link #settle}. */
    private static final byte JUDGED = 1, ENFORCED = 2, WITHDRAWN = 4, RECOVERED = 8, WRITTEN_OFF = 16;

    /** A case in court with the month its next step falls due. */
    private static final class Scheduled implements java.io.Serializable {
        final CourtCase kase;
        int judgmentMonth;
        int enforcementMonth = Integer.MAX_VALUE;
        /** This month's outcome (bits above) and amounts, for {@link #settle}. */
        byte outcome;
        double recovered;
        double fromOutside;

        Scheduled(CourtCase kase, int judgmentMonth) {
            this.kase = kase;
            this.judgmentMonth = judgmentMonth;
        }
    }

    /** What happened in the courts this month. */
    public static final class MonthStats implements java.io.Serializable {
        public long filed;
        public long taken;
        public long judged;
        public long enforced;
        public long withdrawn;
        public double recoveries;
        public double legalCosts;
        public double monthsFilingToRecoverySum;
        public long recoveredCases;
        public long waiting;
        public long inCourt;
    }

    /** Whether {@link #stepChunk} is run by the borrower pass (see the class comment). */
    private final boolean chunkByChunk;

    /**
     * @param chunkByChunk whether the month's cases are acted on by {@link #stepChunk} in the
     *                     borrower pass ({@code model.borrower.BorrowerMonth}), before {@link #step};
     *                     only where {@link #canRunChunkByChunk} allows it
     */
    public Courts(Market market, org.creditstress.scenario.CourtsSpec spec, ReplicationSeeds seeds, boolean chunkByChunk) {
        if (chunkByChunk && !canRunChunkByChunk(spec)) {
            throw new IllegalArgumentException("cases judged the month they are taken cannot be acted on before the month's filings");
        }
        this.chunkByChunk = chunkByChunk;
        this.market = market;
        this.spec = spec;
        for (int c = 0; c < market.chunks.count(); c++) {
            filingsByChunk.add(new ArrayList<>());
        }
        double mean = spec.recoveryShareMean();
        double k = spec.recoveryShareConcentration();
        this.recoveryShare = mean <= 0 || mean >= 1 ? null : new BetaDistribution(null, mean * k, (1 - mean) * k, 1e-9);
        this.seeds = seeds;
        this.capacityPerMonth = spec.capacityPer100k() * market.borrowers.size / 100_000.0;
        dueByChunk = new int[market.chunks.count()][];
        for (int c = 0; c < dueByChunk.length; c++) {
            dueByChunk[c] = new int[16];
        }
        dueCount = new int[market.chunks.count()];
    }

    /**
     * Whether the month's cases can be acted on chunk by chunk before this month's filings are
     * known: true when a case taken this month cannot reach judgment this month
     * ({@code months_to_judgment} of at least 1).
     */
    public static boolean canRunChunkByChunk(org.creditstress.scenario.CourtsSpec spec) {
        return spec.monthsToJudgment() >= 1;
    }

    /** Chunk {@code c}'s filings this month, written by {@link Litigation}. */
    List<CourtCase> filings(int c) {
        return filingsByChunk.get(c);
    }

    public MonthStats stats() {
        return stats;
    }

    /** The borrower of the first case ever filed, or -1 (for picking a borrower to trace). */
    public int firstSuedBorrower() {
        return firstSuedBorrower;
    }

    /**
     * The month's statistics start from zero and the cases due this month are listed by chunk: run
     * by the borrower pass before any chunk, with {@code chunkByChunk}; otherwise {@link #step} does
     * both itself, listing after it has taken this month's cases.
     */
    @Override
    public void beginMonth() {
        resetStats();
        listDue(market.month());
    }

    private void resetStats() {
        stats.filed = 0;
        stats.taken = 0;
        stats.judged = 0;
        stats.enforced = 0;
        stats.withdrawn = 0;
        stats.recoveries = 0;
        stats.legalCosts = 0;
        stats.monthsFilingToRecoverySum = 0;
        stats.recoveredCases = 0;
    }

    /** Acts on chunk {@code c}'s cases due this month, in queue order. */
    @Override
    public void stepChunk(int c, int from, int to) {
        int month = market.month();
        int[] due = dueByChunk[c];
        for (int k = 0, n = dueCount[c]; k < n; k++) {
            act(inCourt.get(due[k]), month);
        }
    }

    @Override
    public void step(SimState state) {
        int month = market.month();
        if (!chunkByChunk) {
            resetStats();
        }
        if (!started) {
            started = true;
            resumeBookCases(month);
        }
        file();
        long queued = waiting.size();
        take(month);
        market.courtAdmission = queued == 0 ? 1.0 : (double) stats.taken / queued;
        if (!chunkByChunk) {
            // the month's cases include those taken just now
            listDue(month);
            for (int c = 0; c < dueCount.length; c++) {
                stepChunk(c, market.chunks.from(c), market.chunks.to(c));
            }
        }
        settle(month);
        stats.waiting = waiting.size();
        stats.inCourt = inCourt.size();
    }

    private void file() {
        int lenders = market.lenders.size();
        long[] count = new long[lenders];
        for (List<CourtCase> filings : filingsByChunk) {
            for (CourtCase kase : filings) {
                count[kase.lender()]++;
                waiting.add(kase);
                if (firstSuedBorrower < 0) {
                    firstSuedBorrower = kase.borrower();
                }
            }
        }
        for (int l = 0; l < lenders; l++) {
            if (count[l] == 0) {
                continue;
            }
            LenderSpec.Litigation policy = market.lenders.get(l).spec.litigation();
            double perCase = policy.costPerCase() * (count[l] >= policy.batchSize() ? policy.batchCostFactor() : 1.0);
            market.ledger.add(0, Flow.LEGAL_COST, l, perCase * count[l]);
            stats.legalCosts += perCase * count[l];
            stats.filed += count[l];
        }
    }

    /**
     * A run from a book ({@code population.book}) starts with accounts already sued: each open one
     * joins the queue before the first month's filings, claiming its balance now, as filed the month
     * before (the tape does not say where its case stood; filing costs were paid before the book).
     * A written-off account in litigation keeps its flag without a case (its claim is not on the
     * tape), like an account whose case has been enforced. In a run without a book no account is
     * sued before the first month's filings, so this finds nothing.
     */
    private void resumeBookCases(int month) {
        java.util.Set<Integer> filedNow = new java.util.HashSet<>();
        for (List<CourtCase> filings : filingsByChunk) {
            for (CourtCase kase : filings) {
                filedNow.add(kase.account());
            }
        }
        AccountTable acc = market.accounts;
        for (int a = 0; a < acc.size; a++) {
            if (acc.status[a] == AccountTable.OPEN && acc.has(a, AccountTable.SUED) && !filedNow.contains(a)) {
                acc.set(a, AccountTable.IN_COURT);
                waiting.add(new CourtCase(a, acc.lender[a], acc.borrower[a], acc.balance(a), month - 1));
            }
        }
    }

    private void take(int month) {
        double policy = market.policy.courtCapacityPer100k();
        capacityCredit += Double.isNaN(policy) ? capacityPerMonth : policy * market.borrowers.size / 100_000.0;
        while (capacityCredit >= 1.0 && !waiting.isEmpty()) {
            capacityCredit -= 1.0;
            inCourt.add(new Scheduled(waiting.poll(), month + spec.monthsToJudgment()));
            stats.taken++;
        }
        if (waiting.isEmpty()) {
            capacityCredit = Math.min(capacityCredit, Math.max(1.0, capacityPerMonth));
        }
    }

    /** Lists, by chunk and in queue order, the cases in court whose judgment or enforcement month has come. */
    private void listDue(int month) {
        java.util.Arrays.fill(dueCount, 0);
        for (int k = 0, n = inCourt.size(); k < n; k++) {
            Scheduled s = inCourt.get(k);
            s.outcome = 0;
            boolean judgmentDue = s.judgmentMonth <= month && s.enforcementMonth == Integer.MAX_VALUE;
            if (judgmentDue || s.enforcementMonth <= month) {
                int c = s.kase.borrower() / Chunks.CHUNK_SIZE;
                if (dueCount[c] == dueByChunk[c].length) {
                    dueByChunk[c] = java.util.Arrays.copyOf(dueByChunk[c], 2 * dueCount[c]);
                }
                dueByChunk[c][dueCount[c]++] = k;
            }
        }
    }

    /**
     * A case whose month has come: withdrawn if its account is current again at judgment, else
     * judged, and enforced when its enforcement month comes. Changes only the case's account and
     * its borrower's savings; what the books and statistics need is kept on the case for
     * {@link #settle}.
     */
    private void act(Scheduled s, int month) {
        AccountTable acc = market.accounts;
        int a = s.kase.account();
        if (s.judgmentMonth <= month && s.enforcementMonth == Integer.MAX_VALUE) {
            if (acc.status[a] == AccountTable.OPEN && acc.monthsPastDue[a] == 0) {
                acc.flags[a] &= ~AccountTable.IN_COURT;
                s.outcome |= WITHDRAWN;
                return;
            }
            s.outcome |= JUDGED;
            s.enforcementMonth = month + spec.monthsToEnforcement();
            note(s.kase, month, "judgment against the borrower");
        }
        if (s.enforcementMonth <= month) {
            enforce(s, month);
        }
    }

    /**
     * The cases acted on this month, in queue order: their ledger entries and the month's
     * statistics (in the order the cases stand in the queue, whatever order the chunks ran in),
     * and those withdrawn or enforced leave the courts.
     */
    private void settle(int month) {
        int kept = 0;
        for (int k = 0, n = inCourt.size(); k < n; k++) {
            Scheduled s = inCourt.get(k);
            byte o = s.outcome;
            s.outcome = 0;
            if ((o & JUDGED) != 0) {
                stats.judged++;
            }
            if ((o & WITHDRAWN) != 0) {
                stats.withdrawn++;
                continue;
            }
            if ((o & ENFORCED) != 0) {
                stats.enforced++;
                if ((o & RECOVERED) != 0) {
                    int l = s.kase.lender();
                    market.ledger.add(0, Flow.OUTSIDE_HELP, l, s.fromOutside);
                    market.ledger.add(0, (o & WRITTEN_OFF) == 0 ? Flow.REPAYMENTS : Flow.COURT_RECOVERIES, l, s.recovered);
                    stats.recoveries += s.recovered;
                    stats.recoveredCases++;
                    stats.monthsFilingToRecoverySum += month - s.kase.filedMonth();
                }
                continue;
            }
            inCourt.set(kept++, s);
        }
        while (inCourt.size() > kept) {
            inCourt.remove(inCourt.size() - 1);
        }
    }

    private void enforce(Scheduled s, int month) {
        CourtCase kase = s.kase;
        s.outcome |= ENFORCED;
        market.accounts.flags[kase.account()] &= ~AccountTable.IN_COURT;
        SplittableRandom caseRng = new SplittableRandom(org.creditstress.model.engine.SeedPlan.mix64(
                org.creditstress.model.engine.SeedPlan.purposeSeed(seeds.forMonth(month), RandomStream.COURTS) ^ (0x9E3779B97F4A7C15L * (kase.account() + 1L)) ^ (0xC2B2AE3D27D4EB4FL * (kase.filedMonth() + 1000L))));
        double share = caseRng.nextDouble() < spec.nothingProbability() ? 0.0 : drawShare(caseRng.nextDouble());
        AccountTable acc = market.accounts;
        BorrowerTable b = market.borrowers;
        int a = kase.account();
        boolean open = acc.status[a] == AccountTable.OPEN;
        double amount = share * kase.claim();
        if (open) {
            amount = Math.min(amount, acc.balance(a));
        }
        if (amount <= 0) {
            note(kase, month, "enforcement found nothing to seize");
            return;
        }
        int i = kase.borrower();
        double fromSavings = Math.min(amount, Math.max(0.0, b.savings[i]));
        double fromOutside = amount - fromSavings;
        b.savings[i] -= fromSavings;
        if (open) {
            reduceBalance(acc, a, amount);
        } else {
            s.outcome |= WRITTEN_OFF;
        }
        s.outcome |= RECOVERED;
        s.recovered = amount;
        s.fromOutside = fromOutside;
        note(kase, month, String.format(java.util.Locale.ROOT, "enforcement recovered %.0f yuan (%.0f from savings, %.0f from seized assets)",
                amount, fromSavings, fromOutside));
    }

    private void note(CourtCase kase, int month, String event) {
        if (market.trace() != null && market.trace().is(kase.borrower())) {
            market.trace().account(month, kase.account()).events.add(event);
        }
    }

    private double drawShare(double u) {
        if (recoveryShare == null) {
            return spec.recoveryShareMean();
        }
        return recoveryShare.inverseCumulativeProbability(u);
    }

    /**
     * Applies a recovery to an open account: arrears first, then the statement, pending purchases,
     * the revolving balance and the principal of its plans (each plan's rest scaled alike).
     */
    private static void reduceBalance(AccountTable acc, int a, double amount) {
        double left = amount;
        double x = Math.min(left, acc.arrears[a]);
        acc.arrears[a] -= x;
        left -= x;
        x = Math.min(left, acc.statement[a]);
        acc.statement[a] -= x;
        left -= x;
        x = Math.min(left, acc.pending[a]);
        acc.pending[a] -= x;
        left -= x;
        x = Math.min(left, acc.revolving[a]);
        acc.revolving[a] -= x;
        left -= x;
        acc.reducePrincipal(a, left);
        if (acc.arrears[a] < 0.005) {
            acc.monthsPastDue[a] = 0;
        }
    }
}

package org.creditstress.model.book;

import java.util.List;
import java.util.SplittableRandom;
import org.creditstress.model.Applicants;
import org.creditstress.model.Market;
import org.creditstress.model.MarketBuilder;
import org.creditstress.model.lender.LenderState;
import org.creditstress.model.borrower.AccountTable;
import org.creditstress.model.borrower.BorrowerTable;
import org.creditstress.model.economy.MacroState;
import org.creditstress.model.engine.ChunkExecutor;
import org.creditstress.model.engine.Chunks;
import org.creditstress.model.engine.Counter;
import org.creditstress.model.engine.RandomStream;
import org.creditstress.model.engine.ReplicationSeeds;
import org.creditstress.model.funder.FundingNetwork;
import org.creditstress.model.lender.BookOpening;
import org.creditstress.scenario.LoanTape;

/**
 * Builds a replication's market from a loan tape ({@code population.book}) instead of drawing it:
 * borrower {@code i} is the tape's i-th borrower (in order of first appearance), its accounts fill
 * its slots in tape order, and what the tape says is set as it says. Nothing is underwritten: the
 * book is the portfolio at the start of month 1.
 *
 * <p>Read from the tape: segment, employment and months in that state, thin file, this month's
 * and permanent income, savings, credit score and base score; per account lender, product,
 * status, opening month, approval score, limit, the balances (statement, pending, revolving,
 * plan principal, arrears), the plans (billed sums, bills left and the ring of what stops after
 * each bill), months past due, times restructured (the restructured flag is set when it is above
 * 0), grace months left, good months, ever 3+ months past due, in litigation.
 *
 * <p>Drawn, with the replication's population stream, from the scenario's distributions for the
 * borrower's segment given the tape ({@link Applicants#drawUntold}): fraudster or strategic
 * defaulter, essential share, discretionary propensity, present bias, literacy, true risk, the
 * savings target and family help; the credit score too when the tape has none.
 *
 * <p>Derived: lenders held (distinct lenders among its accounts), each account's bucket at the
 * end of last month (its bucket now when active, as the scan leaves it), the accounts opened (the
 * lenders' open-account count), employment by segment, and the lenders' opening books
 * ({@link BookOpening}). An account in litigation keeps its sued flag; its case waits at the
 * courts from month 1 ({@link org.creditstress.model.court.Courts}).
 */
public final class BookLoader {

    private BookLoader() {
    }

    /**
     * The market of one replication started from {@code tape}.
     *
     * @param tape       the book, read and checked against the scenario
     * @param applicants how people are drawn (the traits the tape does not carry)
     * @param ringLength ring length of the account table (the longest plan or loan term, plus one)
     * @param lenders    the lenders' states before anything is lent
     * @param funding    the funders and their arrangements
     * @param segments   number of borrower segments
     * @param seeds      the replication's seeds (traits not on the tape are drawn from the starting book's)
     */
    public static Market build(LoanTape tape, Applicants applicants, int ringLength, List<LenderState> lenders, FundingNetwork funding,
                               int segments, ReplicationSeeds seeds, ChunkExecutor executor) {
        List<LoanTape.Borrower> rows = tape.borrowers();
        int n = rows.size();
        Chunks chunks = new Chunks(n, seeds.start());
        BorrowerTable b = new BorrowerTable(n);
        int slots = applicants.slots();
        for (int i = 0; i <= n; i++) {
            b.firstAccount[i] = i * slots;
        }
        java.util.Arrays.fill(b.accountCount, (byte) slots);
        AccountTable acc = new AccountTable(n * slots, ringLength, Chunks.CHUNK_SIZE * slots, slots);
        Market market = new Market(b, acc, chunks, executor, lenders, new MacroState(segments), funding, seeds);
        executor.forEachChunk(chunks, (c, from, to) -> {
            SplittableRandom rng = chunks.rng(c, RandomStream.POPULATION);
            for (int i = from; i < to; i++) {
                LoanTape.Borrower row = rows.get(i);
                borrower(b, i, row);
                applicants.drawUntold(b, i, rng, row.baseScore());
                if (!Double.isNaN(row.creditScore())) {
                    b.creditScore[i] = (float) row.creditScore();
                }
                long held = 0;
                int a = b.firstAccount[i];
                for (LoanTape.Account t : row.accounts()) {
                    account(acc, a++, i, t);
                    held |= 1L << t.lender();
                    if (t.status() == LoanTape.Status.OPEN) {
                        market.ledger.count(c, Counter.ACCOUNTS_OPENED, t.lender());
                    }
                }
                b.lendersHeld[i] = (byte) Long.bitCount(held);
            }
        });
        MarketBuilder.countEmployment(market);
        BookOpening.open(market);
        return market;
    }

    private static void borrower(BorrowerTable b, int i, LoanTape.Borrower row) {
        b.segment[i] = (byte) row.segment();
        byte flags = 0;
        if (row.employed()) {
            flags |= BorrowerTable.EMPLOYED;
        }
        if (row.thinFile()) {
            flags |= BorrowerTable.THIN_FILE;
        }
        b.flags[i] = flags;
        b.monthsInState[i] = (short) row.monthsInState();
        b.permanentIncome[i] = (float) row.permanentIncome();
        b.income[i] = Double.isNaN(row.income()) ? 0f : (float) row.income();
        b.savings[i] = row.savings();
    }

    private static void account(AccountTable acc, int a, int i, LoanTape.Account t) {
        acc.clear(a);
        acc.borrower[a] = i;
        acc.lender[a] = (byte) t.lender();
        acc.product[a] = (byte) t.product();
        acc.cashLoan[a] = t.cashLoan();
        acc.setStatus(a, switch (t.status()) {
            case OPEN -> AccountTable.OPEN;
            case DECLINED -> AccountTable.NOT_OPEN;
            case WRITTEN_OFF -> AccountTable.WRITTEN_OFF;
        });
        acc.openedMonth[a] = (short) t.openedMonth();
        acc.score[a] = t.approvalScore();
        acc.limit[a] = t.limit();
        acc.statement[a] = t.statement();
        acc.pending[a] = t.pending();
        acc.revolving[a] = t.revolving();
        acc.arrears[a] = t.arrears();
        acc.pool[a] = t.pool();
        acc.restorePlans(a, t.schedule(), t.planFee(), t.termLeft(), t.ringSchedule(), t.ringFee());
        acc.monthsPastDue[a] = (byte) t.monthsPastDue();
        acc.restructurings[a] = (byte) t.restructurings();
        acc.graceLeft[a] = (byte) t.graceLeft();
        acc.goodMonths[a] = (byte) t.goodMonths();
        byte flags = 0;
        if (t.restructurings() > 0) {
            flags |= AccountTable.RESTRUCTURED;
        }
        if (t.inLitigation()) {
            flags |= AccountTable.SUED;
        }
        if (t.everM3()) {
            flags |= AccountTable.EVER_M3;
        }
        acc.flags[a] = flags;
        // The bucket the end-of-month scan leaves: an active account's bucket, else none.
        acc.lastBucket[a] = (byte) (acc.status[a] == AccountTable.OPEN && acc.balance(a) > 0 ? acc.bucket(a) : 5);
    }
}

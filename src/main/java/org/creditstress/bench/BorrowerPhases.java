package org.creditstress.bench;

import java.util.List;
import org.creditstress.model.Catalogue;
import org.creditstress.model.Market;
import org.creditstress.model.borrower.BorrowerPhase;
import org.creditstress.model.borrower.Consumption;
import org.creditstress.model.borrower.IncomeProcess;
import org.creditstress.model.borrower.Repayment;
import org.creditstress.model.economy.EmploymentTransitions;
import org.creditstress.model.engine.Chunks;
import org.creditstress.scenario.Scenario;

/**
 * The model's four borrower phases (employment, income, consumption, repayment), built as
 * {@code CreditMarket} builds them, and a borrower's whole month through them, one borrower at a
 * time, for the naive-scheduling comparison.
 *
 * <p>No phase is copied here: each month runs the {@link BorrowerPhase} methods a phase's own
 * step runs, only in another order. {@link #stepBorrower} calls each phase's
 * {@code stepBorrowers} for the one borrower with the part of the borrower's chunk (its chunk's
 * random stream and totals). Stepping every borrower in index order therefore draws exactly what
 * the chunked phases draw; and because {@link #endMonth} books each chunk's totals in the ledger
 * as the chunk loops do, after the same additions in the same order, it leaves the same tables and
 * the same ledger ({@code BenchTest} checks both bit for bit).
 *
 * <p>Not thread-safe: the naive schedule is single-threaded (MASON steps agents one at a time).
 */
final class BorrowerPhases {
    final EmploymentTransitions employment;
    final IncomeProcess income;
    final Consumption consumption;
    final Repayment repayment;
    private final List<BorrowerPhase<?>> all;
    private final int chunkCount;

    BorrowerPhases(Market market, Scenario scenario) {
        org.creditstress.model.BorrowerPhases phases = org.creditstress.model.BorrowerPhases.of(market, scenario,
                Catalogue.standard().wire(scenario));
        employment = phases.employment();
        income = phases.income();
        consumption = phases.consumption();
        repayment = phases.repayment();
        all = List.of(employment, income, consumption, repayment);
        chunkCount = market.chunks.count();
    }

    /** Before any borrower's month (after the economy and policy phases): each phase's month set-up. */
    void beginMonth() {
        all.forEach(BorrowerPhase::beginMonth);
    }

    /**
     * Borrower {@code i}'s month: the four phases' step for it, in the month's order (called on
     * each phase's own type, not through {@code all}, so that no per-borrower call is megamorphic).
     */
    void stepBorrower(int i) {
        int c = i / Chunks.CHUNK_SIZE;
        employment.stepBorrowers(i, i + 1, employment.chunk(c));
        income.stepBorrowers(i, i + 1, income.chunk(c));
        consumption.stepBorrowers(i, i + 1, consumption.chunk(c));
        repayment.stepBorrowers(i, i + 1, repayment.chunk(c));
    }

    /** After every borrower's month: each chunk's totals into the ledger, the employment counts into the economy. */
    void endMonth() {
        for (BorrowerPhase<?> phase : all) {
            for (int c = 0; c < chunkCount; c++) {
                endChunk(phase, c);
            }
            phase.endMonth();
        }
    }

    private static <C> void endChunk(BorrowerPhase<C> phase, int c) {
        phase.endChunk(phase.chunk(c));
    }
}

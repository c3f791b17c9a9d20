package org.creditstress.model.book;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import org.creditstress.model.Market;
import org.creditstress.model.borrower.AccountTable;
import org.creditstress.model.borrower.BorrowerTable;
import org.creditstress.scenario.LoanTape;

/**
 * Writes a market's book as a loan tape ({@link LoanTape}, docs/model.md "Starting from a book"):
 * every borrower in index order ({@code borrower_id} is the index), one row per slot that is not
 * empty, in slot order, or one row with empty account columns for a borrower with no account.
 * Numbers are written so that they read back to the same bits (shortest round-trip decimals;
 * single-precision fields as floats), so a run started from the tape and exported again before its
 * first month writes the same bytes.
 */
public final class BookExport {

    private BookExport() {
    }

    /**
     * The scenario's names the tape uses for indexes.
     *
     * @param segments segment names, by index
     * @param lenders  lender names, by index
     * @param products product ids, by index
     */
    public record Names(List<String> segments, List<String> lenders, List<String> products) {
    }

    /** Writes the book of {@code market} to {@code out} (header row first). */
    public static void write(Market market, Names names, Writer out) {
        try {
            out.write(String.join(",", LoanTape.COLUMNS));
            out.write('\n');
            BorrowerTable b = market.borrowers;
            AccountTable acc = market.accounts;
            int ring = acc.ringLength();
            float[] ringS = new float[ring];
            float[] ringF = new float[ring];
            List<String> segments = names.segments();
            StringBuilder row = new StringBuilder(512);
            for (int i = 0; i < b.size; i++) {
                row.setLength(0);
                row.append(i).append(',').append(segments.get(b.segment[i])).append(',')
                        .append(b.employed(i) ? 1 : 0).append(',').append(b.monthsInState[i]).append(',')
                        .append(b.thinFile(i) ? 1 : 0).append(',').append(single(b.income[i])).append(',')
                        .append(single(b.permanentIncome[i])).append(',').append(number(b.savings[i])).append(',')
                        .append(single(b.creditScore[i])).append(',').append(single(b.baseScore[i])).append(',');
                int borrowerLength = row.length();
                boolean any = false;
                for (int a = b.firstAccount[i]; a < b.firstAccount[i + 1]; a++) {
                    if (acc.status[a] == AccountTable.EMPTY) {
                        continue;
                    }
                    any = true;
                    row.setLength(borrowerLength);
                    account(row, acc, a, names, ringS, ringF);
                    out.append(row).append('\n');
                }
                if (!any) {
                    row.append(",".repeat(LoanTape.COLUMNS.size() - LoanTape.COLUMNS.indexOf("lender") - 1));
                    out.append(row).append('\n');
                }
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void account(StringBuilder row, AccountTable acc, int a, Names names, float[] ringS, float[] ringF) {
        String status = switch (acc.status[a]) {
            case AccountTable.OPEN -> "open";
            case AccountTable.NOT_OPEN -> "declined";
            case AccountTable.WRITTEN_OFF -> "written_off";
            default -> throw new IllegalStateException("account " + a + " has status " + acc.status[a]);
        };
        row.append(names.lenders().get(acc.lender[a])).append(',')
                .append(names.products().get(acc.product[a])).append(',')
                .append(status).append(',')
                .append(acc.openedMonth[a] == Short.MIN_VALUE ? "" : Integer.toString(acc.openedMonth[a])).append(',')
                .append(single(acc.score[a])).append(',')
                .append(single(acc.limit[a])).append(',')
                .append(number(acc.statement[a])).append(',')
                .append(number(acc.pending[a])).append(',')
                .append(number(acc.revolving[a])).append(',')
                .append(number(acc.arrears[a])).append(',')
                .append(number(acc.pool[a])).append(',')
                .append(number(acc.schedule[a])).append(',')
                .append(number(acc.planFee[a])).append(',')
                .append(acc.termLeft[a]).append(',');
        acc.ringFrom(a, ringS, ringF);
        boolean first = true;
        for (int k = 0; k < ringS.length; k++) {
            if (ringS[k] != 0f || ringF[k] != 0f) {
                if (!first) {
                    row.append(';');
                }
                first = false;
                row.append(k + 1).append(':').append(single(ringS[k])).append(':').append(single(ringF[k]));
            }
        }
        row.append(',')
                .append(acc.monthsPastDue[a]).append(',')
                .append(acc.restructurings[a]).append(',')
                .append(acc.graceLeft[a]).append(',')
                .append(acc.goodMonths[a]).append(',')
                .append(acc.has(a, AccountTable.EVER_M3) ? 1 : 0).append(',')
                .append(acc.has(a, AccountTable.SUED) ? 1 : 0);
    }

    /** A double as its shortest round-trip decimal ({@code 0} for zero). */
    static String number(double x) {
        return x == 0.0 ? "0" : Double.toString(x);
    }

    /** A float as its shortest round-trip decimal ({@code 0} for zero). */
    static String single(float x) {
        return x == 0f ? "0" : Float.toString(x);
    }
}

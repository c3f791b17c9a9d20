package org.creditstress.model.funder;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** All of one lender's funding arrangements. */
public final class FundingBook implements java.io.Serializable {
    private final List<Arrangement> arrangements = new ArrayList<>();

    void add(Arrangement a) {
        arrangements.add(a);
    }

    public List<Arrangement> arrangements() {
        return Collections.unmodifiableList(arrangements);
    }

    /** Share of new lending funded by funders now. */
    public double coLendingShare() {
        return sum(a -> a.coLendingShare);
    }

    /** Funders' claims on the lender's receivables. */
    public double claims() {
        return sum(a -> a.claim);
    }

    public double linesDrawn() {
        return sum(a -> a.drawn);
    }

    public double lineLimits() {
        return sum(a -> a.lineLimit);
    }

    /** Undrawn committed lines. */
    public double undrawn() {
        return sum(a -> Math.max(0.0, a.lineLimit - a.drawn));
    }

    private double sum(java.util.function.ToDoubleFunction<Arrangement> f) {
        double s = 0;
        for (Arrangement a : arrangements) {
            s += f.applyAsDouble(a);
        }
        return s;
    }

    /** Annual cost of the drawn lines at the given base rate. */
    public double monthlyLineCost(double baseRateAnnual) {
        double s = 0;
        for (Arrangement a : arrangements) {
            s += a.drawn * (baseRateAnnual + a.spec.lineSpread()) / 12.0;
        }
        return s;
    }

    /** Draws up to {@code need} from undrawn lines, cheapest first; returns the amount drawn. */
    public double draw(double need) {
        double left = need;
        List<Arrangement> bySpread = new ArrayList<>(arrangements);
        bySpread.sort((x, y) -> Double.compare(x.spec.lineSpread(), y.spec.lineSpread()));
        for (Arrangement a : bySpread) {
            double x = Math.min(left, Math.max(0.0, a.lineLimit - a.drawn));
            a.drawn += x;
            left -= x;
        }
        return need - left;
    }

    /** Repays up to {@code amount} of drawn lines, dearest first; returns the amount repaid. */
    public double repay(double amount) {
        double left = amount;
        List<Arrangement> bySpread = new ArrayList<>(arrangements);
        bySpread.sort((x, y) -> Double.compare(y.spec.lineSpread(), x.spec.lineSpread()));
        for (Arrangement a : bySpread) {
            double x = Math.min(left, a.drawn);
            a.drawn -= x;
            left -= x;
        }
        return amount - left;
    }

    /** Drawn amounts above their (cut) limits: due now. Reduces the drawn amounts and returns the total due. */
    public double dueAboveLimits() {
        double due = 0;
        for (Arrangement a : arrangements) {
            if (a.drawn > a.lineLimit) {
                due += a.drawn - a.lineLimit;
                a.drawn = a.lineLimit;
            }
        }
        return due;
    }
}

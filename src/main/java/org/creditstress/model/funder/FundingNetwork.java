package org.creditstress.model.funder;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.creditstress.scenario.FunderSpec;
import org.creditstress.scenario.LenderSpec;
import org.creditstress.scenario.Scenario;

/** The funders and every lender's funding book, built from a scenario. */
public final class FundingNetwork implements java.io.Serializable {
    private final List<FunderState> funders = new ArrayList<>();
    private final List<FundingBook> books = new ArrayList<>();

    public FundingNetwork(Scenario s) {
        for (int f = 0; f < s.funders().size(); f++) {
            funders.add(new FunderState(f, s.funders().get(f)));
        }
        for (LenderSpec l : s.lenders()) {
            FundingBook book = new FundingBook();
            for (LenderSpec.Funding arrangement : l.funding()) {
                book.add(new Arrangement(funder(arrangement.funder()), arrangement));
            }
            books.add(book);
        }
    }

    private FunderState funder(String name) {
        for (FunderState f : funders) {
            if (f.spec.name().equals(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException("no funder " + name);
    }

    public List<FunderState> funders() {
        return Collections.unmodifiableList(funders);
    }

    public List<FundingBook> books() {
        return Collections.unmodifiableList(books);
    }

    public FundingBook book(int lender) {
        return books.get(lender);
    }

    /**
     * Opens the lines at the start of month 1 ({@code line_ratio} x opening net receivables) and
     * sets each funder's capital to {@code capital_share} of its exposure then.
     */
    public void open(int lender, double netReceivables) {
        for (Arrangement a : books.get(lender).arrangements()) {
            a.lineLimit = a.spec.lineRatio() * Math.max(0.0, netReceivables);
        }
    }

    /** Sets funders' capital from their exposure (call after every lender has opened and drawn). */
    public void openFunders() {
        for (FunderState f : funders) {
            f.capital = f.spec.capitalShare() * exposure(f);
            f.reset();
        }
    }

    /** A funder's exposure: drawn lines and claims on receivables, all lenders. */
    public double exposure(FunderState f) {
        double e = 0;
        for (FundingBook book : books) {
            for (Arrangement a : book.arrangements()) {
                if (a.funder == f) {
                    e += a.drawn + a.claim;
                }
            }
        }
        return e;
    }

    /** A funder's drawn lines to one lender. */
    public double drawnBy(int lender, FunderState f) {
        double d = 0;
        for (Arrangement a : books.get(lender).arrangements()) {
            if (a.funder == f) {
                d += a.drawn;
            }
        }
        return d;
    }

    /** What a funder holds of a lender's receivables: co-lent and bought (its claim), yuan. */
    public double claimOn(int lender, FunderState f) {
        double c = 0;
        for (Arrangement a : books.get(lender).arrangements()) {
            if (a.funder == f) {
                c += a.claim();
            }
        }
        return c;
    }

    /** A funder's line limits, all lenders. */
    public double lineLimits(FunderState f) {
        double d = 0;
        for (FundingBook book : books) {
            for (Arrangement a : book.arrangements()) {
                if (a.funder == f) {
                    d += a.lineLimit;
                }
            }
        }
        return d;
    }
}

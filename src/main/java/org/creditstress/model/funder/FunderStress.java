package org.creditstress.model.funder;

import java.util.List;

/**
 * A funder whose losses over the last twelve months exceed {@code stress_trigger} of its capital
 * is stressed (a year's losses, not all since month 1: the losses a calm economy brings every
 * year are priced in, and must not add up to a retrenchment over a long run):
 * it cuts every line it gives, to every lender, by {@code stress_cut}, and stops co-lending. One
 * lender's losses reach the other lenders of the same funder this way. Part of the funding
 * contagion channel.
 */
public final class FunderStress implements java.io.Serializable {

    /** Marks newly stressed funders and cuts their lines; returns how many became stressed. */
    public int apply(List<FunderState> funders, List<FundingBook> books) {
        int stressed = 0;
        for (FunderState f : funders) {
            if (f.stressed || f.capital <= 0 || f.lossesLastYear() <= f.spec.stressTrigger() * f.capital) {
                continue;
            }
            f.stressed = true;
            stressed++;
            for (FundingBook book : books) {
                for (Arrangement a : book.arrangements()) {
                    if (a.funder == f) {
                        a.lineLimit *= 1.0 - f.spec.stressCut();
                        a.coLendingShare = 0.0;
                    }
                }
            }
        }
        return stressed;
    }
}

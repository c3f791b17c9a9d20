package org.creditstress.model.borrower;

import java.util.List;
import org.creditstress.model.lender.LenderState;

/** Pays lenders that report to the credit bureau first: their arrears would hurt the credit score. */
final class BureauReportingFirst extends RankedPriority {
    private final boolean[] reports;

    BureauReportingFirst(List<LenderState> lenders) {
        reports = new boolean[lenders.size()];
        for (int l = 0; l < reports.length; l++) {
            reports[l] = lenders.get(l).spec.bureauReporting().enabled();
        }
    }

    @Override
    double rank(AccountTable accounts, int a) {
        return reports[accounts.lender[a]] ? 1.0 : 0.0;
    }
}

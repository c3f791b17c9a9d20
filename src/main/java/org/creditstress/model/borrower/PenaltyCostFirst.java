package org.creditstress.model.borrower;

import java.util.List;
import org.creditstress.scenario.ProductSpec;

/** Pays the account with the highest penalty rate first (minimises penalty interest). */
final class PenaltyCostFirst extends RankedPriority {
    private final double[] penalty;

    PenaltyCostFirst(List<ProductSpec> products) {
        penalty = products.stream().mapToDouble(ProductSpec::penaltyDailyRate).toArray();
    }

    @Override
    double rank(AccountTable accounts, int a) {
        return penalty[accounts.product[a]];
    }
}

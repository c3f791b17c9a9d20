package org.creditstress.model.borrower;

import java.util.List;
import org.creditstress.scenario.Product;

/** Pays the account with the highest penalty rate first (minimises penalty interest). */
final class PenaltyCostFirst extends RankedPriority {
    private final double[] penalty;

    PenaltyCostFirst(List<Product> products) {
        penalty = products.stream().mapToDouble(Product::penaltyDailyRate).toArray();
    }

    @Override
    double rank(AccountTable accounts, int a) {
        return penalty[accounts.product[a]];
    }
}

package org.creditstress.model.borrower;

import java.util.List;
import org.creditstress.model.lender.LenderState;
import org.creditstress.scenario.BehaviourSpec.RepaymentPriorityRule;
import org.creditstress.scenario.ProductSpec;

/**
 * How a borrower who cannot pay every bill splits what it has across its accounts. One rule per
 * class, chosen by {@code population.behaviour.repayment_priority}.
 */
public interface RepaymentPriority extends java.io.Serializable {

    /**
     * Splits {@code cash} (less than the total due) across accounts {@code a0 .. a1-1}.
     *
     * @param due  amount due per account, indexed {@code a - a0}
     * @param paid output: amount paid per account, indexed {@code a - a0}; sums to {@code cash}
     */
    void allocate(AccountTable accounts, int a0, int a1, double[] due, double cash, double[] paid);

    /** Each account gets the same share of its due amount. */
    RepaymentPriority PRO_RATA = (accounts, a0, a1, due, cash, paid) -> {
        double total = 0;
        for (int j = 0; j < a1 - a0; j++) {
            total += due[j];
        }
        double share = total > 0 ? cash / total : 0.0;
        for (int j = 0; j < a1 - a0; j++) {
            paid[j] = due[j] * share;
        }
    };

    /** The rule a scenario names, over its products and lenders (penalty rates, bureau reporting). */
    static RepaymentPriority of(RepaymentPriorityRule rule, List<ProductSpec> products, List<LenderState> lenders) {
        return switch (rule) {
            case PRO_RATA -> PRO_RATA;
            case PENALTY_COST -> new PenaltyCostFirst(products);
            case COLLECTION_PRESSURE -> new CollectionPressureFirst();
            case BUREAU_REPORTING -> new BureauReportingFirst(lenders);
        };
    }
}

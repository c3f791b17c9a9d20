package org.creditstress.model;

import java.util.List;
import org.creditstress.model.borrower.BorrowerMonth;
import org.creditstress.model.borrower.BorrowerPhase;
import org.creditstress.model.borrower.Consumption;
import org.creditstress.model.borrower.IncomeProcess;
import org.creditstress.model.borrower.Repayment;
import org.creditstress.model.borrower.RepaymentPriority;
import org.creditstress.model.economy.EmploymentTransitions;
import org.creditstress.model.engine.RandomStream;
import org.creditstress.scenario.Scenario;

/**
 * The four borrower phases of a month, made with the settings each uses. {@link CreditMarket}
 * runs them chunk by chunk ({@link BorrowerMonth}); the benchmark runs the same objects one
 * borrower at a time.
 */
public record BorrowerPhases(EmploymentTransitions employment, IncomeProcess income, Consumption consumption,
                             Repayment repayment) {

    /** The phases of a built market, with what the channels that are on contribute ({@code wiring}). */
    public static BorrowerPhases of(Market market, Scenario scenario, Wiring wiring) {
        return new BorrowerPhases(
                new EmploymentTransitions(market, scenario.population().segments(), scenario.economy(), RandomStream.EMPLOYMENT),
                new IncomeProcess(market, scenario.population().segments(), scenario.economy().incomeGrowth(), RandomStream.INCOME,
                        scenario.population().behaviour().familyHelpRenewalMonths()),
                new Consumption(market, scenario.population().behaviour(), scenario.population().segments(), scenario.products(),
                        RandomStream.CONSUMPTION, wiring.loanStacking()),
                new Repayment(market, scenario.products(), scenario.population().behaviour(), scenario.courts(),
                        RepaymentPriority.of(scenario.population().behaviour().repaymentPriority(), scenario.products(), market.lenders)));
    }

    /** The four phases in the month's order: employment, income, consumption, repayment. */
    public List<BorrowerPhase<?>> inMonthOrder() {
        return List.of(employment, income, consumption, repayment);
    }
}

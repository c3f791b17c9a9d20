package org.creditstress.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.creditstress.scenario.Scenario;
import sim.engine.Steppable;

/**
 * What the contagion channels switched on contribute to a replication, collected before the
 * market is built ({@link CreditMarket#start()}). A channel either shapes how the market is built
 * or runs (a flag the builder and mechanisms receive through their constructors), or schedules
 * its own mechanism in a phase of the month. A channel switched off contributes nothing, so no
 * mechanism tests a switch.
 */
public final class Wiring {
    private final Scenario scenario;
    private boolean commonBorrowers;
    private boolean loanStacking;
    private final List<Scheduled> mechanisms = new ArrayList<>();

    /** A channel's mechanism, made once the market is built, and the phase it runs in. */
    public record Scheduled(MonthPhase phase, Function<Built, Steppable> factory) {
    }

    /** The built replication a channel's mechanism is made from. */
    public record Built(Market market, PortfolioScan scan) {
    }

    public Wiring(Scenario scenario) {
        this.scenario = scenario;
    }

    /** The scenario (channels read their own settings from it while wiring). */
    public Scenario scenario() {
        return scenario;
    }

    /**
     * Lenders see each other's common borrowers: reported delinquencies through the bureau, and a
     * loan at one lender may pay another's bill. Who holds which accounts does not depend on it.
     */
    public void connectLendersThroughCommonBorrowers() {
        commonBorrowers = true;
    }

    /** A short borrower may draw a cash loan at a lender it owes nothing to (以贷养贷), if lenders are connected. */
    public void allowLoanStacking() {
        loanStacking = true;
    }

    /** Runs {@code factory}'s mechanism every month in {@code phase}. */
    public void schedule(MonthPhase phase, Function<Built, Steppable> factory) {
        mechanisms.add(new Scheduled(phase, factory));
    }

    /** Whether lenders see each other's records at the bureau. */
    public boolean bureauSharing() {
        return commonBorrowers;
    }

    /** Whether loan stacking across lenders happens: its own switch, and lenders connected by common borrowers. */
    public boolean loanStacking() {
        return loanStacking && commonBorrowers;
    }

    List<Scheduled> mechanisms() {
        return mechanisms;
    }
}

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
    private boolean severalLenders;
    private boolean bureauSharing;
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

    /** Borrowers may hold accounts at several lenders ({@code population.accounts.lenders_held}). */
    public void holdAccountsAtSeveralLenders() {
        severalLenders = true;
    }

    /** Lenders see each other's reported delinquencies through the bureau. */
    public void shareBureauRecords() {
        bureauSharing = true;
    }

    /** A short borrower may draw a cash loan at a lender it owes nothing to (以贷养贷). */
    public void allowLoanStacking() {
        loanStacking = true;
    }

    /** Runs {@code factory}'s mechanism every month in {@code phase}. */
    public void schedule(MonthPhase phase, Function<Built, Steppable> factory) {
        mechanisms.add(new Scheduled(phase, factory));
    }

    public boolean severalLenders() {
        return severalLenders;
    }

    public boolean bureauSharing() {
        return bureauSharing;
    }

    public boolean loanStacking() {
        return loanStacking;
    }

    List<Scheduled> mechanisms() {
        return mechanisms;
    }
}

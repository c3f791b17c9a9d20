package org.creditstress.model.funder;

import java.util.List;
import org.creditstress.model.lender.LenderState;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * {@code MonthPhase.NETWORK_MEASURES}: DebtRank and the Eisenberg-Noe clearing vector on the
 * lender-funder exposure network ({@link NetworkMeasures}), once the month's books and funding are
 * final; from month 1 on. The metrics read {@link #latest()}.
 */
public final class NetworkMeasuresPhase implements Steppable {
    private static final long serialVersionUID = 1L;
    private final List<LenderState> lenders;
    private final FundingNetwork network;
    private final org.creditstress.model.economy.MacroState macro;
    private NetworkMeasures.Result latest;

    public NetworkMeasuresPhase(List<LenderState> lenders, FundingNetwork network, org.creditstress.model.economy.MacroState macro) {
        this.lenders = lenders;
        this.network = network;
        this.macro = macro;
    }

    @Override
    public void step(SimState state) {
        double[] opening = lenders.stream().mapToDouble(LenderState::openingEquity).toArray();
        latest = macro.month() >= 1 ? NetworkMeasures.compute(lenders, network, opening) : null;
    }

    /** This month's measures, or null before month 1. */
    public NetworkMeasures.Result latest() {
        return latest;
    }
}

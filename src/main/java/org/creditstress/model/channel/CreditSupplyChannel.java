package org.creditstress.model.channel;

import org.creditstress.model.MonthPhase;
import org.creditstress.model.Wiring;
import org.creditstress.model.lender.CreditSupplyTightening;
import org.creditstress.scenario.Scenario;

/**
 * Credit-supply tightening: lenders under stress (capital below their trigger, or early delinquency
 * above their risk appetite) cut limits ({@link CreditSupplyTightening}, for lenders whose policy
 * has {@code tightening.enabled}), and borrowers who were rolling debt lose the room to do so.
 */
public final class CreditSupplyChannel implements ContagionChannel {

    @Override
    public String key() {
        return "credit_supply";
    }

    @Override
    public String description() {
        return "Credit-supply tightening: lenders whose policy enables it (lenders[].tightening) cut limits when their "
                + "capital is low or their early delinquency has risen (m1plus_rise). Off: no lender tightens.";
    }

    @Override
    public boolean matters(Scenario scenario) {
        return scenario.lenders().stream().anyMatch(l -> l.tightening().enabled());
    }

    @Override
    public void wire(Wiring wiring) {
        wiring.schedule(MonthPhase.TIGHTENING, built -> new CreditSupplyTightening(built.market(), built.scan()));
    }
}

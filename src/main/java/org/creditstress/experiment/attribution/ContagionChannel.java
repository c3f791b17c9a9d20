package org.creditstress.experiment.attribution;

import java.util.ArrayList;
import java.util.List;
import org.creditstress.scenario.Scenario;

/**
 * The registry of contagion channels (DOMAIN.md section 6): each with the scenario overrides that
 * switch it off. The switches live where the mechanism is configured; this registry only names
 * them, so an attribution can turn each one off in turn.
 */
public enum ContagionChannel {
    COMMON_BORROWERS("common borrowers: multi-lender borrowers and what lenders see at the bureau") {
        @Override
        List<String> off(Scenario s) {
            return List.of("contagion.common_borrowers=false");
        }
    },
    LOAN_STACKING("loan stacking: one lender's cash loan pays another's bill") {
        @Override
        List<String> off(Scenario s) {
            return List.of("population.behaviour.loan_stacking=false");
        }
    },
    CREDIT_SUPPLY("credit-supply tightening: lenders under stress cut limits") {
        @Override
        List<String> off(Scenario s) {
            List<String> out = new ArrayList<>();
            for (int l = 0; l < s.lenders().size(); l++) {
                out.add("lenders[" + l + "].tightening.enabled=false");
            }
            return out;
        }
    },
    FUNDING("funding: covenant breaches, funder-stress line cuts, ABS discounts rising with arrears") {
        @Override
        List<String> off(Scenario s) {
            return List.of("contagion.funding=false");
        }
    },
    MACRO_FEEDBACK("macro feedback: shrinking credit raises unemployment") {
        @Override
        List<String> off(Scenario s) {
            return List.of("contagion.macro_feedback=false");
        }
    };

    private final String description;

    ContagionChannel(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** The lower-case name used on the command line and in outputs. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Overrides that switch this channel off in the scenario. */
    abstract List<String> off(Scenario s);

    /** Whether the channel is on in the scenario (a channel already off has nothing to attribute). */
    public boolean on(Scenario s) {
        return switch (this) {
            case COMMON_BORROWERS -> s.contagion().commonBorrowers();
            case LOAN_STACKING -> s.population().behaviour().loanStacking();
            case CREDIT_SUPPLY -> s.lenders().stream().anyMatch(l -> l.tightening().enabled());
            case FUNDING -> s.contagion().funding() && !s.funders().isEmpty();
            case MACRO_FEEDBACK -> s.contagion().macroFeedback();
        };
    }

    /** Overrides that switch every channel off. */
    public static List<String> allOff(Scenario s) {
        List<String> out = new ArrayList<>();
        for (ContagionChannel c : values()) {
            out.addAll(c.off(s));
        }
        return out;
    }

    public static ContagionChannel parse(String key) {
        for (ContagionChannel c : values()) {
            if (c.key().equals(key.trim().toLowerCase(java.util.Locale.ROOT).replace('-', '_'))) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown channel '" + key + "'; channels: "
                + String.join(", ", java.util.Arrays.stream(values()).map(ContagionChannel::key).toList()));
    }
}

package org.creditstress.model;

import java.util.List;
import org.creditstress.model.channel.ContagionChannels;
import org.creditstress.model.policy.PolicyEvents;
import org.creditstress.scenario.ScenarioFormat;
import org.creditstress.scenario.schema.ScenarioSchema;

/**
 * The model's registries of contagion channels and policy-event kinds, and the scenario format
 * they complete. A replication is built from a catalogue ({@link CreditMarket}); scenarios are
 * read in its format. The command line uses {@link #standard()}; a test may add a channel or a
 * policy kind with {@code standard().with(...)}.
 */
public record Catalogue(ContagionChannels channels, PolicyEvents policies) {

    public static Catalogue standard() {
        return new Catalogue(ContagionChannels.standard(), PolicyEvents.standard());
    }

    public Catalogue with(org.creditstress.model.channel.ContagionChannel channel) {
        return new Catalogue(channels.with(channel), policies);
    }

    public Catalogue with(org.creditstress.model.policy.PolicyEvent kind) {
        return new Catalogue(channels, policies.with(kind));
    }

    /** The scenario format: the schema with these channels' switches and policy kinds, and their checks. */
    public ScenarioFormat format() {
        return new ScenarioFormat(ScenarioSchema.build(channels::declare, policies.meanings()), List.of(policies.rule()));
    }

    /** What the channels that are on in {@code scenario} contribute to a replication of it. */
    public Wiring wire(org.creditstress.scenario.Scenario scenario) {
        Wiring wiring = new Wiring(scenario);
        for (var channel : channels.all()) {
            if (channel.on(scenario)) {
                channel.wire(wiring);
            }
        }
        return wiring;
    }

    /** Supplies the standard format to the scenario loader (registered in {@code META-INF/services}). */
    public static final class StandardFormat implements ScenarioFormat.Provider {
        @Override
        public ScenarioFormat format() {
            return standard().format();
        }
    }
}

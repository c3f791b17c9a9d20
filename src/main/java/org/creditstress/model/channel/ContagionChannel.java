package org.creditstress.model.channel;

import org.creditstress.model.Wiring;
import org.creditstress.scenario.Scenario;
import org.creditstress.scenario.schema.Section;

/**
 * A contagion channel (DOMAIN.md section 6): a way one agent's trouble reaches another. Each
 * channel is one class, listed once in {@link ContagionChannels}. It declares its switch
 * {@code contagion.<key>} (and any settings of its own), and, when the switch is on, wires its
 * mechanism into the replication. The scenario schema, the reference docs and the
 * {@code attribute} command all read the registry, so a channel's key is written once, here.
 */
public interface ContagionChannel {

    /** The switch under {@code contagion}, e.g. {@code funding}; also the name {@code attribute} uses. */
    String key();

    /** What the channel carries, and what switching it off leaves (one or two sentences). */
    String description();

    /** Whether the channel is on when a scenario does not say. */
    default boolean onByDefault() {
        return true;
    }

    /** Adds the channel's own settings (beyond its switch) to the {@code contagion} section. */
    default Section settings(Section contagion) {
        return contagion;
    }

    /**
     * Whether switching the channel off can change anything in this scenario (for example the
     * funding channel needs funders); {@code attribute} skips channels that do not matter.
     */
    default boolean matters(Scenario scenario) {
        return true;
    }

    /** Wires the channel's mechanism into a replication; called only when the switch is on. */
    void wire(Wiring wiring);

    /** Whether the channel is on in a scenario. */
    default boolean on(Scenario scenario) {
        return scenario.contagion().on(key());
    }

    /** The {@code --set} override that switches the channel off. */
    default String offOverride() {
        return "contagion." + key() + "=false";
    }
}

package org.creditstress.model.channel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.creditstress.scenario.Scenario;
import org.creditstress.scenario.schema.Section;

/**
 * The registry of contagion channels: the standard ones, in the order reports list them. A new
 * channel is one class and one line in {@link #standard()} (or, in a test, {@link #with}).
 */
public final class ContagionChannels {
    private final List<ContagionChannel> channels;

    private ContagionChannels(List<ContagionChannel> channels) {
        this.channels = List.copyOf(channels);
        long distinct = channels.stream().map(ContagionChannel::key).distinct().count();
        if (distinct != channels.size()) {
            throw new IllegalArgumentException("two contagion channels share a key: " + keys());
        }
    }

    /** The channels of DOMAIN.md section 6. */
    public static ContagionChannels standard() {
        return new ContagionChannels(List.of(
                new CommonBorrowersChannel(),
                new LoanStackingChannel(),
                new CreditSupplyChannel(),
                new FundingChannel(),
                new MacroFeedbackChannel()));
    }

    /** This registry and one more channel. */
    public ContagionChannels with(ContagionChannel channel) {
        List<ContagionChannel> more = new ArrayList<>(channels);
        more.add(channel);
        return new ContagionChannels(more);
    }

    public List<ContagionChannel> all() {
        return channels;
    }

    public List<String> keys() {
        return channels.stream().map(ContagionChannel::key).toList();
    }

    /** Adds every channel's switch and settings to the {@code contagion} section of the schema. */
    public Section declare(Section contagion) {
        Section s = contagion;
        for (ContagionChannel c : channels) {
            s = c.settings(s.bool(c.key(), c.onByDefault(), c.description()));
        }
        return s;
    }

    /** The channel named {@code key} (case and '-' / '_' forgiven), or an error listing the names. */
    public ContagionChannel parse(String key) {
        String k = key.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        return channels.stream().filter(c -> c.key().equals(k)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown channel '" + key + "'; channels: "
                        + String.join(", ", keys())));
    }

    /** Overrides that switch every channel off. */
    public List<String> allOff() {
        return channels.stream().map(ContagionChannel::offOverride).collect(Collectors.toList());
    }

    /** Channels that are on in the scenario and whose absence could change it. */
    public List<ContagionChannel> active(Scenario scenario) {
        return channels.stream().filter(c -> c.on(scenario) && c.matters(scenario)).toList();
    }
}

package org.creditstress.serve;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.creditstress.run.BorrowerPick;

/**
 * A request to set up a run, read strictly: {@code scenario} (a shipped scenario's name), {@code
 * settings} (one or two lists of {@code KEY=VALUE} overrides, as {@code --set} takes them), {@code
 * follow} (a pick such as {@code first-sued}, or a borrower number) and {@code monthsPerSecond}.
 * Any other field, or a field of the wrong type, is refused with a line naming it.
 */
record SetupRequest(String scenario, List<List<String>> settings, String follow, Double monthsPerSecond) {
    private static final Set<String> FIELDS = Set.of("scenario", "settings", "follow", "monthsPerSecond");
    /** The borrower followed when the request names none: the first written off in replication 0. */
    static final String DEFAULT_FOLLOW = BorrowerPick.FIRST_WRITTEN_OFF.label();

    static SetupRequest parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw bad("the request must be a JSON object with scenario and settings");
        }
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) {
                throw bad("unknown field '" + Classroom.clip(f) + "' in the request; fields: scenario, settings, follow, monthsPerSecond");
            }
        }
        JsonNode scenario = body.get("scenario");
        if (scenario == null || !scenario.isTextual()) {
            throw bad("scenario must be the name of a shipped scenario, e.g. severe-downturn.yaml");
        }
        JsonNode settings = body.get("settings");
        if (settings == null || !settings.isArray() || settings.size() < 1 || settings.size() > 2) {
            throw bad("settings must be a list of one or two settings, each a list of KEY=VALUE overrides");
        }
        List<List<String>> lists = new ArrayList<>();
        for (int i = 0; i < settings.size(); i++) {
            JsonNode s = settings.get(i);
            if (!s.isArray() || s.size() > Classroom.MAX_OVERRIDES) {
                throw bad("settings[" + i + "] must be a list of at most " + Classroom.MAX_OVERRIDES + " KEY=VALUE overrides");
            }
            List<String> overrides = new ArrayList<>();
            for (int j = 0; j < s.size(); j++) {
                JsonNode o = s.get(j);
                if (!o.isTextual() || o.asText().length() > Classroom.MAX_OVERRIDE_CHARS) {
                    throw bad("settings[" + i + "][" + j + "] must be a KEY=VALUE string of at most " + Classroom.MAX_OVERRIDE_CHARS
                            + " characters");
                }
                overrides.add(o.asText());
            }
            lists.add(List.copyOf(overrides));
        }
        JsonNode follow = body.get("follow");
        if (follow != null && !follow.isTextual()) {
            throw bad("follow must be a pick (first-sued, ...) or a borrower number, as text");
        }
        JsonNode speed = body.get("monthsPerSecond");
        if (speed != null && !speed.isNumber()) {
            throw bad("monthsPerSecond must be a number");
        }
        return new SetupRequest(scenario.asText(), List.copyOf(lists),
                follow == null ? DEFAULT_FOLLOW : follow.asText(), speed == null ? null : speed.asDouble());
    }

    private static RequestException bad(String message) {
        return RequestException.of(400, message);
    }
}

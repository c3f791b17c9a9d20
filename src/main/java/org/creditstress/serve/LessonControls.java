package org.creditstress.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.creditstress.scenario.KeyPath;
import org.creditstress.scenario.LoadedScenario;
import org.creditstress.scenario.schema.Key;
import org.creditstress.scenario.schema.KeyType;
import org.creditstress.scenario.schema.Section;

/**
 * The sliders, switches and choices of the classroom page: the scenario keys a lesson on credit
 * needs (the depth and length of a downturn, borrowers' literacy and present bias, credit limits,
 * bureau sharing, an APR cap and relief policies), each described from the scenario schema: its
 * type, unit, allowed range, meaning and the scenario's own value. Only the label and the slider's
 * classroom span are chosen here, and a span lies inside the schema's range (a test checks), so a
 * slider never offers a value the loader refuses; a value sent by hand goes through the loader all
 * the same.
 *
 * <p>A key under a list ({@code products[*]}, {@code lenders[*]}) gives one control per element of
 * the scenario's list, labelled with the element's id or name. Policies are {@code policy_events}:
 * a switch per kind adds an event to the scenario's own list.
 */
final class LessonControls {

    /**
     * One control: a key path ({@code [*]} for every list element), its group and label ({@code {}}
     * is the element's id or name), the slider's span and step, and the switch that must have a
     * value for it to matter (or null).
     */
    record Template(String key, String group, String label, double from, double to, double step, String requires,
                    String requiredValue) {
    }

    /**
     * A policy kind offered as a switch: what its {@code value} is (or null when it takes none), the
     * value's span and default, and whether it lasts a number of {@code months}.
     */
    record Policy(String kind, String label, String valueLabel, String valueUnit, double from, double to, double step,
                  double value, int months) {
    }

    static final String DOWNTURN = "The downturn";
    static final String BORROWERS = "Borrowers";
    static final String LENDERS = "Lenders and the bureau";
    static final String RUN = "The run";

    static final List<Template> TEMPLATES = List.of(
            new Template("economy.unemployment.shape", DOWNTURN, "Unemployment path", 0, 0, 0, null, null),
            new Template("economy.unemployment.shock_level", DOWNTURN, "Unemployment at the worst point (depth)", 0.02, 0.25, 0.005,
                    "economy.unemployment.shape", "downturn"),
            new Template("economy.unemployment.start_month", DOWNTURN, "First month of the downturn", 1, 24, 1,
                    "economy.unemployment.shape", "downturn"),
            new Template("economy.unemployment.decline_months", DOWNTURN, "Months unemployment rises", 1, 24, 1,
                    "economy.unemployment.shape", "downturn"),
            new Template("economy.unemployment.trough_months", DOWNTURN, "Months at the worst point (length)", 0, 36, 1,
                    "economy.unemployment.shape", "downturn"),
            new Template("economy.unemployment.recovery_months", DOWNTURN, "Months to recover", 1, 36, 1,
                    "economy.unemployment.shape", "downturn"),
            new Template("population.behaviour.literacy.median", BORROWERS, "Financial literacy (median borrower)", 0.05, 0.95, 0.05,
                    null, null),
            new Template("population.behaviour.present_bias.median", BORROWERS, "Present bias (median borrower)", 0.05, 0.95, 0.05,
                    null, null),
            new Template("products[*].limit_income_multiple", LENDERS, "Credit limit of {}", 0, 6, 0.25, null, null),
            new Template("bureau.coverage", LENDERS, "Bureau coverage (lenders see each other's borrowers)", 0, 1, 0.05, null, null),
            new Template("lenders[*].bureau_reporting.enabled", LENDERS, "{} reports delinquencies to the bureau", 0, 0, 0, null, null),
            new Template("population.size", RUN, "Borrowers", 1000, 20_000, 1000, null, null),
            new Template("replications", RUN, "Replications (the band is across them)", 1, 20, 1, null, null),
            new Template("seed", RUN, "Seed (both settings use it: common random numbers)", 0, 0, 0, null, null));

    static final List<Policy> POLICIES = List.of(
            new Policy("apr_cap", "APR cap", "cap on interest, fees and penalties", "per year", 0.06, 0.36, 0.01, 0.24, -1),
            new Policy("repayment_holiday", "Repayment holiday", null, null, 0, 0, 0, 0, 3),
            new Policy("income_support", "Income support for the unemployed", "of permanent income, a month", "share", 0.05, 1, 0.05,
                    0.3, 6),
            new Policy("bureau_mandate", "Bureau-sharing mandate (every lender reports)", "bureau coverage", "share", 0.1, 1, 0.05,
                    1.0, -1),
            new Policy("literacy_campaign", "Literacy campaign", "share of each borrower's gap to full literacy closed", "share", 0.05, 1,
                    0.05, 0.3, -1));

    private LessonControls() {
    }

    /**
     * The page's controls for a loaded scenario, as JSON: {@code controls} (each with key, group,
     * label, type, unit, schema range, slider span, meaning, the scenario's value and the page's
     * starting value: the scenario's, except borrowers and replications, cut to the classroom's
     * starting size), {@code policies}
     * (kinds with their fields) and the scenario's own {@code policyEvents}.
     */
    static ObjectNode describe(Section root, LoadedScenario loaded, Map<String, String> policyMeanings, ClassroomLimits limits) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode out = f.objectNode();
        ArrayNode controls = out.putArray("controls");
        for (Template t : TEMPLATES) {
            for (String key : expand(t.key(), loaded.resolved())) {
                controls.add(control(root, loaded.resolved(), t, key, limits));
            }
        }
        Section events = root.section("policy_events").orElseThrow();
        ArrayNode policies = out.putArray("policies");
        for (Policy p : POLICIES) {
            ObjectNode o = policies.addObject();
            o.put("kind", p.kind());
            o.put("label", p.label());
            o.put("meaning", policyMeanings.getOrDefault(p.kind(), ""));
            Key month = events.key("month").orElseThrow();
            o.set("month", field(month, "starts in month", 1, loaded.scenario().horizon().months(), 1,
                    defaultPolicyMonth(loaded)));
            if (p.valueLabel() != null) {
                ObjectNode v = field(events.key("value").orElseThrow(), p.valueLabel(), p.from(), p.to(), p.step(), p.value());
                v.put("unit", p.valueUnit());
                o.set("value", v);
            }
            if (p.months() >= 0) {
                o.set("months", field(events.key("months").orElseThrow(), "lasting (months)", 1, 24, 1, p.months()));
            }
        }
        JsonNode existing = loaded.resolved().get("policy_events");
        out.set("policyEvents", existing == null ? f.arrayNode() : existing.deepCopy());
        return out;
    }

    /** The concrete key paths of a template: itself, or one per element of each {@code [*]} list. */
    static List<String> expand(String key, JsonNode resolved) {
        int star = key.indexOf("[*]");
        if (star < 0) {
            return List.of(key);
        }
        JsonNode list = at(resolved, key.substring(0, star));
        int n = list != null && list.isArray() ? list.size() : 0;
        List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.addAll(expand(key.substring(0, star) + "[" + i + "]" + key.substring(star + 3), resolved));
        }
        return out;
    }

    /** The schema's key at a concrete path ({@code products[1].apr}). */
    static Key schemaKey(Section root, String path) {
        List<Object> segments = KeyPath.split(path);
        Section section = root;
        for (int i = 0; i < segments.size(); i++) {
            if (segments.get(i) instanceof Integer) {
                continue;
            }
            String name = (String) segments.get(i);
            if (i == segments.size() - 1) {
                return section.key(name).orElseThrow(() -> new IllegalArgumentException("no key " + path + " in the schema"));
            }
            section = section.section(name).orElseThrow(() -> new IllegalArgumentException("no section for " + path + " in the schema"));
        }
        throw new IllegalArgumentException("empty path");
    }

    /** The value at a concrete path of a resolved tree, or null. */
    static JsonNode at(JsonNode tree, String path) {
        JsonNode node = tree;
        for (Object seg : KeyPath.split(path)) {
            if (node == null) {
                return null;
            }
            node = seg instanceof Integer i ? node.get(i) : node.get((String) seg);
        }
        return node;
    }

    private static ObjectNode control(Section root, JsonNode resolved, Template t, String key, ClassroomLimits limits) {
        Key k = schemaKey(root, key);
        ObjectNode o = describeKey(k);
        o.put("key", key);
        o.put("group", t.group());
        o.put("label", t.label().replace("{}", elementName(resolved, key)));
        double to = t.key().equals("population.size") ? limits.maxBorrowers()
                : t.key().equals("replications") ? limits.maxReplications() : t.to();
        if ((k.type() == KeyType.INTEGER || k.type() == KeyType.NUMBER) && t.step() > 0) {
            span(o, k, t.from(), to, t.step());
        }
        JsonNode value = at(resolved, key);
        o.set("scenarioValue", value == null ? JsonNodeFactory.instance.nullNode() : value.deepCopy());
        if (t.key().equals("population.size")) {
            value = JsonNodeFactory.instance.numberNode(Math.min(value.asInt(), limits.defaultBorrowers()));
        } else if (t.key().equals("replications")) {
            value = JsonNodeFactory.instance.numberNode(Math.min(value.asInt(), limits.defaultReplications()));
        }
        o.set("value", value == null ? JsonNodeFactory.instance.nullNode() : value.deepCopy());
        if (t.requires() != null) {
            o.put("requires", t.requires());
            o.put("requiredValue", t.requiredValue());
        }
        return o;
    }

    private static ObjectNode field(Key k, String label, double from, double to, double step, double value) {
        ObjectNode o = describeKey(k);
        o.put("label", label);
        span(o, k, from, to, step);
        if (k.type() == KeyType.INTEGER) {
            o.put("value", (long) value);
        } else {
            o.put("value", value);
        }
        return o;
    }

    /** A slider's span and step; whole numbers for an integer key, so the page sends "7", never "7.0". */
    private static void span(ObjectNode o, Key k, double from, double to, double step) {
        if (k.type() == KeyType.INTEGER) {
            o.put("from", (long) from);
            o.put("to", (long) to);
            o.put("step", (long) Math.max(1, step));
        } else {
            o.put("from", from);
            o.put("to", to);
            o.put("step", step);
        }
    }

    /** What the schema says of a key: type, unit, range (numbers), choices, meaning. */
    private static ObjectNode describeKey(Key k) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("type", switch (k.type()) {
            case INTEGER -> "integer";
            case NUMBER -> "number";
            case BOOLEAN -> "boolean";
            case CHOICE -> "choice";
            default -> "text";
        });
        o.put("unit", k.unit());
        o.put("range", k.rangeText());
        if (k.type() == KeyType.INTEGER || k.type() == KeyType.NUMBER) {
            o.put("min", k.min());
            o.put("max", Math.min(k.max(), 9.007199254740991E15));
        }
        if (k.type() == KeyType.CHOICE) {
            ArrayNode c = o.putArray("choices");
            k.choices().forEach(c::add);
        }
        o.put("doc", k.doc());
        return o;
    }

    /** The id (products) or name (lenders) of the list element a key is under, or "". */
    private static String elementName(JsonNode resolved, String key) {
        int close = key.indexOf(']');
        if (close < 0) {
            return "";
        }
        JsonNode element = at(resolved, key.substring(0, close + 1));
        if (element == null) {
            return "";
        }
        return element.has("id") ? element.get("id").asText() : element.path("name").asText();
    }

    /** Policies start with the downturn when there is one, else in month 7. */
    private static int defaultPolicyMonth(LoadedScenario loaded) {
        JsonNode shape = at(loaded.resolved(), "economy.unemployment.shape");
        JsonNode start = at(loaded.resolved(), "economy.unemployment.start_month");
        int month = shape != null && "downturn".equals(shape.asText()) && start != null ? start.asInt() : 7;
        return Math.min(month, loaded.scenario().horizon().months());
    }
}

package org.creditstress.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.creditstress.model.Catalogue;
import org.creditstress.scenario.LoadedScenario;
import org.creditstress.scenario.ScenarioException;
import org.creditstress.scenario.ScenarioFormat;
import org.creditstress.scenario.ScenarioLoader;
import org.creditstress.scenario.schema.Key;
import org.creditstress.scenario.schema.Section;
import org.junit.jupiter.api.Test;

/**
 * The page's controls come from the scenario schema: every shipped scenario's controls carry the
 * schema's unit and range and the scenario's own value, and every value a slider offers (either end
 * of every span, and every policy switch) is accepted by the scenario loader.
 */
class LessonControlsTest {
    private static final Section ROOT = ScenarioFormat.standard().root();

    private static List<String> shipped() {
        return new ShippedScenarios(Path.of("scenarios")).names();
    }

    private static ObjectNode describe(String name) {
        LoadedScenario loaded = ScenarioLoader.load(Path.of("scenarios", name), List.of());
        return LessonControls.describe(ROOT, loaded, Catalogue.standard().policies().meanings(), ClassroomLimits.standard());
    }

    @Test
    void everyControlCarriesItsSchemaKeysUnitRangeAndTheScenariosValue() {
        for (String name : shipped()) {
            LoadedScenario loaded = ScenarioLoader.load(Path.of("scenarios", name), List.of());
            ObjectNode d = describe(name);
            int limits = 0;
            for (JsonNode c : d.get("controls")) {
                String key = c.get("key").asText();
                Key k = LessonControls.schemaKey(ROOT, key);
                assertEquals(k.unit(), c.get("unit").asText(), name + " " + key);
                assertEquals(k.rangeText(), c.get("range").asText(), name + " " + key);
                assertEquals(k.doc(), c.get("doc").asText(), name + " " + key);
                assertEquals(LessonControls.at(loaded.resolved(), key), c.get("scenarioValue"), name + " " + key);
                if (c.has("from")) {
                    assertTrue(c.get("from").asDouble() >= k.min() && c.get("to").asDouble() <= k.max()
                            && c.get("from").asDouble() < c.get("to").asDouble(), name + " " + key + ": the span lies in " + k.rangeText());
                }
                if (key.endsWith(".limit_income_multiple")) {
                    limits++;
                    String id = LessonControls.at(loaded.resolved(), key.substring(0, key.indexOf(']') + 1) + ".id").asText();
                    assertTrue(c.get("label").asText().endsWith(id), c.toString());
                }
            }
            assertEquals(loaded.scenario().products().size(), limits, name + ": one limit slider per product");
            assertEquals(LessonControls.POLICIES.size(), d.get("policies").size());
            for (JsonNode p : d.get("policies")) {
                assertFalse(p.get("meaning").asText().isEmpty(), "the catalogue knows " + p.get("kind"));
            }
        }
    }

    @Test
    void theScenariosValueStartsTheSliderExceptBorrowersAndReplicationsWhichStartClassroomSized() {
        ObjectNode d = describe("severe-downturn.yaml");
        for (JsonNode c : d.get("controls")) {
            switch (c.get("key").asText()) {
                case "population.size" -> {
                    assertEquals(100000, c.get("scenarioValue").asInt());
                    assertEquals(ClassroomLimits.standard().defaultBorrowers(), c.get("value").asInt());
                }
                case "replications" -> {
                    assertEquals(20, c.get("scenarioValue").asInt());
                    assertEquals(ClassroomLimits.standard().defaultReplications(), c.get("value").asInt());
                }
                case "economy.unemployment.shock_level" -> {
                    assertEquals(0.10, c.get("value").asDouble());
                    assertEquals("economy.unemployment.shape", c.get("requires").asText());
                }
                default -> assertEquals(c.get("scenarioValue"), c.get("value"), c.toString());
            }
        }
    }

    @Test
    void everyValueASliderOrSwitchOffersIsAcceptedByTheLoader() {
        for (String name : shipped()) {
            ObjectNode d = describe(name);
            List<String> base = List.of("population.size=1000", "replications=2");
            for (JsonNode c : d.get("controls")) {
                if (!c.has("from")) {
                    continue;
                }
                for (String end : List.of("from", "to")) {
                    load(name, base, c.get("key").asText() + "=" + c.get(end).asText());
                }
            }
            ArrayNode events = d.get("policyEvents").deepCopy();
            for (JsonNode p : d.get("policies")) {
                for (String end : List.of("from", "to")) {
                    ObjectNode e = events.addObject();
                    e.put("month", p.get("month").get(end).asInt());
                    e.put("kind", p.get("kind").asText());
                    if (p.has("value")) {
                        e.put("value", p.get("value").get(end).asDouble());
                    }
                    if (p.has("months")) {
                        e.put("months", p.get("months").get(end).asInt());
                    }
                }
            }
            LoadedScenario loaded = load(name, base, "policy_events=" + events);
            assertEquals(d.get("policyEvents").size() + 2 * LessonControls.POLICIES.size(), loaded.scenario().policyEvents().size());
        }
    }

    private static LoadedScenario load(String name, List<String> base, String set) {
        List<String> all = new ArrayList<>(base);
        all.add(set);
        try {
            return ScenarioLoader.load(Path.of("scenarios", name), all);
        } catch (ScenarioException e) {
            throw new AssertionError(name + " with --set " + set + ": " + e.getMessage(), e);
        }
    }
}

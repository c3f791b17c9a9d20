package org.creditstress.scenario.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A mapping in the scenario format: its leaf keys and nested sections. A section marked
 * {@link #list()} is a YAML list whose every element has this section's keys (for example
 * {@code lenders}). Built with the fluent methods below and then never changed.
 */
public final class Section {
    private final String name;
    private final String doc;
    private final boolean list;
    private final int minElements;
    private final List<Key> keys = new ArrayList<>();
    private final List<Section> sections = new ArrayList<>();

    private Section(String name, String doc, boolean list, int minElements) {
        this.name = name;
        this.doc = doc;
        this.list = list;
        this.minElements = minElements;
    }

    public static Section map(String name, String doc) {
        return new Section(name, doc, false, 0);
    }

    public static Section listOf(String name, int minElements, String doc) {
        return new Section(name, doc, true, minElements);
    }

    public String name() {
        return name;
    }

    public String doc() {
        return doc;
    }

    public boolean list() {
        return list;
    }

    public int minElements() {
        return minElements;
    }

    public List<Key> keys() {
        return Collections.unmodifiableList(keys);
    }

    public List<Section> sections() {
        return Collections.unmodifiableList(sections);
    }

    public Optional<Key> key(String keyName) {
        return keys.stream().filter(k -> k.name().equals(keyName)).findFirst();
    }

    public Optional<Section> section(String sectionName) {
        return sections.stream().filter(s -> s.name().equals(sectionName)).findFirst();
    }

    /** All names valid directly inside this section (keys and sections). */
    public List<String> names() {
        List<String> out = new ArrayList<>();
        keys.forEach(k -> out.add(k.name()));
        sections.forEach(s -> out.add(s.name()));
        return out;
    }

    public Section integer(String key, Integer dflt, double min, double max, String unit, String doc) {
        return add(new Key(key, KeyType.INTEGER, dflt, null, min, max, unit, doc, List.of(), 0));
    }

    public Section number(String key, Double dflt, double min, double max, String unit, String doc) {
        return add(new Key(key, KeyType.NUMBER, dflt, null, min, max, unit, doc, List.of(), 0));
    }

    /** A number whose default is the value of a sibling key. */
    public Section numberDefaultingTo(String key, String sibling, double min, double max, String unit, String doc) {
        return add(new Key(key, KeyType.NUMBER, null, sibling, min, max, unit, doc, List.of(), 0));
    }

    public Section bool(String key, boolean dflt, String doc) {
        return add(new Key(key, KeyType.BOOLEAN, dflt, null, 0, 1, "", doc, List.of(), 0));
    }

    public Section string(String key, String dflt, String doc) {
        return add(new Key(key, KeyType.STRING, dflt, null, 0, 0, "", doc, List.of(), 0));
    }

    public Section choice(String key, String dflt, List<String> choices, String doc) {
        return add(new Key(key, KeyType.CHOICE, dflt, null, 0, 0, "", doc, List.copyOf(choices), 0));
    }

    public Section numbers(String key, List<Double> dflt, int length, double min, double max, String unit, String doc) {
        return add(new Key(key, KeyType.NUMBER_LIST, dflt, null, min, max, unit, doc, List.of(), length));
    }

    public Section strings(String key, List<String> dflt, int minLength, String doc) {
        return add(new Key(key, KeyType.STRING_LIST, dflt, null, minLength, Double.POSITIVE_INFINITY, "", doc, List.of(), 0));
    }

    public Section with(Section child) {
        sections.add(child);
        return this;
    }

    private Section add(Key key) {
        keys.add(key);
        return this;
    }
}

package org.creditstress.scenario.schema;

/** The value types a scenario key can hold. */
public enum KeyType {
    INTEGER("integer"),
    NUMBER("number"),
    BOOLEAN("boolean"),
    STRING("string"),
    CHOICE("one of"),
    NUMBER_LIST("list of numbers"),
    STRING_LIST("list of strings");

    private final String label;

    KeyType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

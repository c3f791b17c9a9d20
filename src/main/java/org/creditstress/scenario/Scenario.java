package org.creditstress.scenario;

import java.util.List;

/**
 * A validated scenario with every default filled in: the whole truth of a run. Built only by
 * {@link ScenarioLoader}; its YAML form is written next to the results as
 * {@code scenario.resolved.yaml}.
 */
public record Scenario(int version, String name, String description, long seed, int replications,
                       HorizonSpec horizon, PopulationSpec population, List<ProductSpec> products,
                       List<LenderSpec> lenders, List<FunderSpec> funders, ContagionSpec contagion, BureauSpec bureau, CourtsSpec courts, EconomySpec economy,
                       List<PolicyEventSpec> policyEvents, ClassificationSpec classification,
                       OutputsSpec outputs) {

    public ProductSpec product(String id) {
        return products.stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no product " + id));
    }

    public int productIndex(String id) {
        for (int i = 0; i < products.size(); i++) {
            if (products.get(i).id().equals(id)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no product " + id);
    }
}

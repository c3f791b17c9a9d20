package org.creditstress.scenario;

import java.util.List;

/**
 * A validated scenario with every default filled in: the whole truth of a run. Built only by
 * {@link ScenarioLoader}; its YAML form is written next to the results as
 * {@code scenario.resolved.yaml}.
 */
public record Scenario(int version, String name, String description, long seed, int replications,
                       Horizon horizon, Population population, List<Product> products,
                       List<Lender> lenders, List<Funder> funders, Contagion contagion, Bureau bureau, Courts courts, Economy economy,
                       List<PolicyEvent> policyEvents, Classification classification,
                       Outputs outputs) {

    public Product product(String id) {
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

package org.creditstress.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.creditstress.metric.MetricRegistry;
import org.junit.jupiter.api.Test;

/** The headline figures of hand-built replications, including the supervisor's measures. */
class HeadlineTest {

    private static final MetricRegistry REGISTRY = new MetricRegistry(List.of("A", "B"), List.of("s"), false);

    /** A three-month table with {@code value(metric, month)} in every named column, 0 elsewhere. */
    private static double[][] table(java.util.function.BiFunction<String, Integer, Double> value) {
        double[][] v = new double[3][REGISTRY.metrics().size()];
        for (int t = 0; t < 3; t++) {
            for (int j = 0; j < v[t].length; j++) {
                Double x = value.apply(REGISTRY.metrics().get(j).name(), t);
                v[t][j] = x == null ? 0.0 : x;
            }
        }
        return v;
    }

    @Test
    void supervisorsFiguresArePeaksLowsAndSumsOverTheRunAcrossLenders() {
        Headline.Accumulator acc = new Headline.Accumulator(REGISTRY);
        acc.add(table((name, t) -> switch (name) {
            case "npl_ratio" -> new double[] {0.01, 0.03, 0.02}[t];
            case "ecl_coverage" -> new double[] {0.02, 0.04, 0.05}[t];
            case "lender.A.car" -> new double[] {0.12, 0.10, 0.11}[t];
            case "lender.B.car" -> new double[] {0.09, Double.NaN, Double.NaN}[t];
            case "lender.A.lcr" -> new double[] {1.2, 0.8, 1.1}[t];
            case "lender.B.lcr" -> new double[] {1.5, 1.4, 0.9}[t];
            case "pre_tax_profit" -> new double[] {1e6, -3e6, 0.5e6}[t];
            default -> null;
        }));
        acc.add(table((name, t) -> switch (name) {
            case "npl_ratio" -> 0.05;
            case "ecl_coverage" -> 0.06;
            case "lender.A.car", "lender.B.car" -> 0.07;
            case "lender.A.lcr", "lender.B.lcr" -> 0.5;
            case "pre_tax_profit" -> 2e6;
            default -> null;
        }));
        Map<String, Headline.Figure> f = acc.figures().stream().collect(Collectors.toMap(Headline.Figure::name, Function.identity()));
        assertEquals((0.03 + 0.05) / 2, f.get("peak NPL ratio (five-tier)").mean(), 1e-12);
        assertEquals((0.05 + 0.06) / 2, f.get("peak ECL coverage").mean(), 1e-12);
        assertEquals((0.09 + 0.07) / 2, f.get("weakest lender's lowest CAR").mean(), 1e-12, "the lowest over lenders and months, NaN skipped");
        assertEquals((0.8 + 0.5) / 2, f.get("weakest lender's lowest LCR").mean(), 1e-12);
        assertEquals((-1.5 + 6.0) / 2, f.get("cumulative pre-tax profit (m yuan)").mean(), 1e-12);
        assertEquals(10, f.size());
    }
}

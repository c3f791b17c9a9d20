package org.creditstress.metric;

import java.util.List;

/**
 * Metrics declared once for every lender or segment: {@code lender.<name>.cash} is one family
 * with one column per lender. {@code docs/outputs.md} lists families, the CSV lists columns.
 *
 * @param template    column name with {@code <name>} in place of the lender or segment name
 * @param unit        unit of every column
 * @param description how it is computed
 * @param value       the computation for the lender or segment of a given index
 */
public record MetricFamily(String template, Metric.Unit unit, String description, IndexedMetric value) {

    /** A metric of one lender or segment. */
    @FunctionalInterface
    public interface IndexedMetric {
        double of(MonthView view, int index);
    }

    /** One metric per name, in the given order. */
    public List<Metric> expand(List<String> names) {
        return java.util.stream.IntStream.range(0, names.size())
                .mapToObj(i -> new Metric(template.replace("<name>", names.get(i)), unit,
                        description, v -> value.of(v, i)))
                .toList();
    }
}

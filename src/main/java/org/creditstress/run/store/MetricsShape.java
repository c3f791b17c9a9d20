package org.creditstress.run.store;

import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The shape of a run's {@code metrics.csv} without its values: the metric columns (without
 * {@code replication} and {@code month}), the replication ids, the months and the number of rows.
 *
 * @param columns metric column names in file order
 * @param replications distinct replication ids, ascending
 * @param months distinct months, ascending
 * @param rows number of data rows
 */
public record MetricsShape(List<String> columns, SortedSet<Integer> replications, SortedSet<Integer> months,
                           int rows) {

    public MetricsShape {
        columns = List.copyOf(columns);
        replications = Collections.unmodifiableSortedSet(new TreeSet<>(replications));
        months = Collections.unmodifiableSortedSet(new TreeSet<>(months));
    }

    /** Number of distinct replications. */
    public int replicationCount() {
        return replications.size();
    }

    /** Whether the file has this metric column. */
    public boolean hasColumn(String column) {
        return columns.contains(column);
    }
}

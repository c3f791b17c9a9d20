package org.creditstress.report.chart;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.CategoryStyler;

/**
 * A lender's profit and loss over the whole run as a waterfall: each income line
 * ({@code lender.<name>.pnl.*}) raises a running total from zero, each cost line lowers it, and the
 * last bar is the cumulative pre-tax profit. Amounts are the mean across replications, summed over
 * the months; means add up where medians would not, so the bars end exactly at the mean cumulative
 * pre-tax profit (the model checks every month that the lines add up to it). Should they not (a P&L
 * line this chart does not know), an "other, not itemised" bar closes the gap, so the chart never
 * shows a total its bars do not reach. Dividends are paid out of profit, not a part of it, and are
 * left out.
 *
 * <p>XChart has no waterfall, so it is a stacked bar chart with an invisible base: a bar from
 * {@code lo} to {@code hi} stacks a transparent bar of height {@code lo} (or {@code hi} below zero)
 * under a visible one. XChart stacks positive and negative values apart, so a bar that crosses zero
 * is drawn as a positive and a negative piece on an empty base.
 */
final class PnlWaterfallChart {

    /** Which way a step moves the running total, or the result. */
    enum Kind { RAISES, LOWERS, TOTAL }

    /** One bar: from {@code start} to {@code end} of the running total, in yuan. */
    record Step(String label, double start, double end, Kind kind) {
        double amount() {
            return end - start;
        }
    }

    /** The waterfall of one lender; the last step is the total. */
    record Waterfall(String lender, List<Step> steps, int firstMonth, int lastMonth) {
        Step total() {
            return steps.get(steps.size() - 1);
        }
    }

    /** A P&L line: the metric after {@code lender.<name>.pnl.}, its label and its sign in the profit. */
    record Line(String field, String label, int sign) {
    }

    /** The P&L lines in waterfall order: income first, then costs. */
    static final List<Line> LINES = List.of(
            new Line("interest_income", "interest", +1),
            new Line("fee_income", "instalment fees", +1),
            new Line("penalty_income", "penalty interest", +1),
            new Line("suspense_released", "suspense released", +1),
            new Line("merchant_fees", "merchant fees", +1),
            new Line("recoveries", "recoveries", +1),
            new Line("funding_cost", "funding", -1),
            new Line("operating_cost", "operating", -1),
            new Line("collection_cost", "collection", -1),
            new Line("legal_cost", "legal", -1),
            new Line("provision_charge", "provisions", -1),
            new Line("sale_losses", "sale losses", -1));
    static final String PROFIT_FIELD = "pre_tax_profit";
    static final String PROFIT_LABEL = "pre-tax profit";
    static final String OTHER_LABEL = "other, not itemised";

    static final String RAISES_LABEL = "raises profit";
    static final String LOWERS_LABEL = "lowers profit";
    static final String TOTAL_LABEL = "cumulative pre-tax profit";

    private static final double MILLION = 1e-6;
    /** A gap below this share of the largest line (or 1 yuan) is rounding, not a missing line. */
    private static final double RELATIVE_TOLERANCE = 1e-9;

    private final ChartStyle style;

    PnlWaterfallChart(ChartStyle style) {
        this.style = Objects.requireNonNull(style);
    }

    /**
     * The waterfall of {@code lender} from the means in {@code summary}, or empty if its pre-tax
     * profit or every P&L line is missing. Lines that are zero over the whole run are left out.
     */
    static Optional<Waterfall> of(SummaryTable summary, String lender) {
        String prefix = "lender." + lender + ".pnl.";
        Optional<MetricSummary> profit = summary.metric(prefix + PROFIT_FIELD);
        if (profit.isEmpty() || !profit.get().hasData(Statistic.MEAN)) {
            return Optional.empty();
        }
        List<Step> steps = new ArrayList<>();
        double running = 0;
        double largest = 0;
        for (Line line : LINES) {
            Optional<MetricSummary> m = summary.metric(prefix + line.field());
            if (m.isEmpty() || !m.get().hasData(Statistic.MEAN)) {
                continue;
            }
            double amount = line.sign() * sumOfMeans(m.get());
            largest = Math.max(largest, Math.abs(amount));
            if (amount != 0) {
                steps.add(new Step(line.label(), running, running + amount, amount > 0 ? Kind.RAISES : Kind.LOWERS));
                running += amount;
            }
        }
        if (steps.isEmpty()) {
            return Optional.empty();
        }
        double total = sumOfMeans(profit.get());
        double gap = total - running;
        if (Math.abs(gap) > Math.max(1.0, RELATIVE_TOLERANCE * largest)) {
            steps.add(new Step(OTHER_LABEL, running, total, gap > 0 ? Kind.RAISES : Kind.LOWERS));
        }
        steps.add(new Step(PROFIT_LABEL, 0, total, Kind.TOTAL));
        int[] months = profit.get().months();
        return Optional.of(new Waterfall(lender, List.copyOf(steps), months[0], months[months.length - 1]));
    }

    /** The sum over months of the mean across replications (months without one count as zero). */
    static double sumOfMeans(MetricSummary m) {
        double sum = 0;
        for (double v : m.values(Statistic.MEAN)) {
            if (Double.isFinite(v)) {
                sum += v;
            }
        }
        return sum;
    }

    /** The chart of a waterfall, in million yuan; categories are labelled with their amounts. */
    CategoryChart build(Waterfall w, int replications) {
        String title = "P&L of " + w.lender() + ", months " + w.firstMonth() + "\u2013" + w.lastMonth()
                + ": mean of " + replications + (replications == 1 ? " replication" : " replications")
                + ", summed over months";
        CategoryChart chart = style.newCategoryChart(title, null, "Cumulative amount (million yuan)");
        CategoryStyler s = chart.getStyler();
        s.setStacked(true);
        s.setAvailableSpaceFill(0.7);
        s.setXAxisLabelRotation(35);
        s.setXAxisTitleVisible(false);

        int n = w.steps().size();
        List<String> categories = new ArrayList<>(n);
        double[] base = new double[n];
        double[][] visible = new double[Kind.values().length][n];
        double[][] belowZero = new double[Kind.values().length][n];
        int decimals = decimals(w);
        for (int i = 0; i < n; i++) {
            Step step = w.steps().get(i);
            categories.add(categoryLabel(step, decimals));
            double lo = MILLION * Math.min(step.start(), step.end());
            double hi = MILLION * Math.max(step.start(), step.end());
            int k = step.kind().ordinal();
            if (lo >= 0) {
                base[i] = lo;
                visible[k][i] = hi - lo;
            } else if (hi <= 0) {
                base[i] = hi;
                visible[k][i] = lo - hi;
            } else {
                visible[k][i] = hi;
                belowZero[k][i] = lo;
            }
        }
        // The base must be the first series: XChart stacks series in the order they were added.
        CategorySeries invisible = chart.addSeries("base", categories, boxed(base));
        invisible.setFillColor(new Color(0, 0, 0, 0));
        invisible.setShowInLegend(false);
        String[] labels = {RAISES_LABEL, LOWERS_LABEL, TOTAL_LABEL};
        Color[] colors = {style.gainColor(), style.lossColor(), style.totalColor()};
        for (Kind kind : Kind.values()) {
            int k = kind.ordinal();
            if (!any(visible[k]) && !any(belowZero[k])) {
                continue;
            }
            chart.addSeries(labels[k], categories, boxed(visible[k])).setFillColor(colors[k]);
            if (any(belowZero[k])) {
                CategorySeries lower = chart.addSeries(labels[k] + " (below zero)", categories, boxed(belowZero[k]));
                lower.setFillColor(colors[k]);
                lower.setShowInLegend(false);
            }
        }
        s.setYAxisDecimalPattern(decimalPattern(w));
        return chart;
    }

    /** The category label: the line and its signed amount in million yuan, e.g. "funding −12.3". */
    static String categoryLabel(Step step, int decimals) {
        double m = MILLION * step.amount();
        return step.label() + " " + (m >= 0 && step.kind() != Kind.TOTAL ? "+" : "")
                + String.format(Locale.ROOT, "%." + decimals + "f", m).replace('-', '\u2212');
    }

    /**
     * Decimals of the amounts in the labels: enough that a line of a thousandth of the largest
     * running total does not read as zero (two under 10 million yuan, three under 1 million).
     */
    static int decimals(Waterfall w) {
        double largest = MILLION * largest(w);
        return largest < 1 ? 3 : largest < 10 ? 2 : 1;
    }

    /** One decimal on the axis when the largest running total is under ten million yuan, none above. */
    private static String decimalPattern(Waterfall w) {
        return MILLION * largest(w) < 10 ? "#,##0.0" : "#,##0";
    }

    private static double largest(Waterfall w) {
        double largest = 0;
        for (Step s : w.steps()) {
            largest = Math.max(largest, Math.max(Math.abs(s.start()), Math.abs(s.end())));
        }
        return largest;
    }

    private static List<Double> boxed(double[] values) {
        List<Double> out = new ArrayList<>(values.length);
        for (double v : values) {
            out.add(v);
        }
        return out;
    }

    private static boolean any(double[] values) {
        for (double v : values) {
            if (v != 0) {
                return true;
            }
        }
        return false;
    }
}

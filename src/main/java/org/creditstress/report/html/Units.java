package org.creditstress.report.html;

import java.util.Locale;
import org.creditstress.metric.MetricRegistry;

/** How experiment tables and charts show a metric's values: shares and ratios in percent. */
public final class Units {
    private Units() {
    }

    /**
     * Whether values of {@code metric} are shown in percent (shares, ratios, annual rates); with no
     * registry, judged by the metric's name.
     */
    public static boolean percent(MetricRegistry registry, String metric) {
        return registry != null ? registry.inPercent(metric) : MetricRegistry.inPercentByName(metric);
    }

    /** A value for people: {@code 2.04 %} or 4 significant digits; {@code n/a} when undefined. */
    public static String format(double x, boolean percent) {
        if (!Double.isFinite(x)) {
            return "n/a";
        }
        if (percent) {
            return String.format(Locale.ROOT, "%.2f %%", 100 * x);
        }
        return plain(x);
    }

    /** A difference for people: {@code +0.35 pp} (percentage points) or a signed number. */
    public static String formatDifference(double x, boolean percent) {
        if (!Double.isFinite(x)) {
            return "n/a";
        }
        if (percent) {
            String t = String.format(Locale.ROOT, "%+.2f pp", 100 * x);
            return t.matches("[+-]0\\.00 pp") ? "0.00 pp" : t;
        }
        return (x > 0 ? "+" : "") + plain(x);
    }

    private static String plain(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e12) {
            return Long.toString((long) x);
        }
        double a = Math.abs(x);
        if (a >= 1e6 || a < 1e-3) {
            return String.format(Locale.ROOT, "%.4g", x);
        }
        return String.format(Locale.ROOT, a >= 100 ? "%.1f" : "%.4f", x);
    }
}

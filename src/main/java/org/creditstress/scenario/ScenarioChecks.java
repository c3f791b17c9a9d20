package org.creditstress.scenario;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Rules that span several keys: shares that must add up, names that must be unique, references
 * between sections, ordered thresholds. Runs on a bound {@link Scenario} after every key has been
 * checked on its own.
 */
final class ScenarioChecks {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern YEAR_MONTH = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");
    private static final double SHARE_TOLERANCE = 1e-6;
    /** Account holdings are bit masks over lenders. */
    static final int MAX_LENDERS = 16;
    /** The liquidity actions a lender can take, in any order. */
    public static final List<String> LIQUIDITY_ACTIONS = List.of("draw_lines", "stop_originating", "cut_limits",
            "sell_receivables", "emergency_funding");

    private final List<SchemaValidator.Finding> findings = new ArrayList<>();

    List<SchemaValidator.Finding> check(Scenario s) {
        if (!NAME.matcher(s.name()).matches()) {
            add("name", "must contain only letters, digits, '_' and '-' (it names the results folder), got '" + s.name() + "'");
        }
        start(s.horizon());
        book(s);
        segments(s);
        seasonalCalendar(s.population().behaviour().seasonalCalendar());
        products(s);
        lenders(s);
        economy(s);
        classification(s.classification());
        policyEventsWithinHorizon(s);
        return findings;
    }

    /** An event after the last simulated month would never take effect. */
    private void policyEventsWithinHorizon(Scenario s) {
        int horizon = s.horizon().months();
        for (int i = 0; i < s.policyEvents().size(); i++) {
            int month = s.policyEvents().get(i).month();
            if (month > horizon) {
                add("policy_events[" + i + "].month", "month " + month + " is after the horizon of " + horizon + " months");
            }
        }
    }

    private void start(HorizonSpec horizon) {
        if (!YEAR_MONTH.matcher(horizon.start()).matches()) {
            add("horizon.start", "must be a year and month YYYY-MM with a month from 01 to 12, e.g. 2024-01, got '"
                    + horizon.start() + "'");
        }
    }

    /** A run from a book starts at the book: burn-in would age the tape before month 1. */
    private void book(Scenario s) {
        if (!s.population().book().isEmpty() && s.horizon().burnInMonths() != 0) {
            add("horizon.burn_in_months", "must be 0 with population.book (the tape is the portfolio at the start of month 1; "
                    + "burn-in would age it first), got " + s.horizon().burnInMonths());
        }
    }

    /** Weights are normalised by their mean: each must be positive (12 of them is the schema's rule). */
    private void seasonalCalendar(List<Double> weights) {
        for (int m = 0; m < weights.size(); m++) {
            if (!(weights.get(m) > 0)) {
                add("population.behaviour.seasonal_calendar[" + m + "]", "must be positive: every month needs some "
                        + "discretionary purchases (the 12 weights are scaled to a mean of 1), got " + weights.get(m));
            }
        }
    }

    private void segments(Scenario s) {
        Set<String> names = new HashSet<>();
        double total = 0;
        for (int i = 0; i < s.population().segments().size(); i++) {
            SegmentSpec seg = s.population().segments().get(i);
            String path = "population.segments[" + i + "]";
            name(seg.name(), path + ".name", names);
            total += seg.share();
        }
        if (Math.abs(total - 1.0) > SHARE_TOLERANCE) {
            add("population.segments", "segment shares must add up to 1, they add up to " + round(total));
        }
        if (s.population().accounts().lendersHeld().stream().mapToDouble(Double::doubleValue).sum() <= 0) {
            add("population.accounts.lenders_held", "needs at least one positive probability");
        }
        for (int i = 0; i < s.population().segments().size(); i++) {
            SegmentSpec seg = s.population().segments().get(i);
            if (seg.fraudShare() + seg.strategicShare() > 1) {
                add("population.segments[" + i + "].fraud_share", "fraud_share + strategic_share must not exceed 1");
            }
            if (!seg.lendersHeld().isEmpty() && seg.lendersHeld().stream().mapToDouble(Double::doubleValue).sum() <= 0) {
                add("population.segments[" + i + "].lenders_held", "needs at least one positive probability (or leave it empty)");
            }
        }
    }

    private void products(Scenario s) {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < s.products().size(); i++) {
            ProductSpec p = s.products().get(i);
            String path = "products[" + i + "]";
            name(p.id(), path + ".id", ids);
            int previous = 0;
            for (int k = 0; k < p.instalmentTerms().size(); k++) {
                double n = p.instalmentTerms().get(k);
                if (n != Math.rint(n) || n <= previous) {
                    add(path + ".instalment_terms[" + k + "]", "must be a whole number of months above the previous term, got " + n);
                    break;
                }
                previous = (int) n;
            }
            if (p.kind() == ProductKind.PURCHASE_LINE && p.instalmentTerms().isEmpty()) {
                add(path + ".instalment_terms", "needs at least one term");
            }
            if (p.instalmentFees().size() != 1 && p.instalmentFees().size() != p.instalmentTerms().size()) {
                add(path + ".instalment_fees", "needs one fee for every term (" + p.instalmentTerms().size()
                        + ") or one for all, got " + p.instalmentFees().size());
            }
            if (p.interestFreeDays() > 30 && p.minPaymentShare() > 0) {
                add(path + ".interest_free_days", "above 30 days is not supported with a minimum payment (min_payment_share "
                        + p.minPaymentShare() + ")");
            }
            if (p.minLimit() > p.maxLimit()) {
                add(path + ".min_limit", "must not exceed max_limit (" + p.maxLimit() + "), got " + p.minLimit());
            }
        }
    }

    private void lenders(Scenario s) {
        Set<String> names = new HashSet<>();
        Set<String> productIds = new HashSet<>();
        s.products().forEach(p -> productIds.add(p.id()));
        double total = 0;
        for (int i = 0; i < s.lenders().size(); i++) {
            LenderSpec l = s.lenders().get(i);
            String path = "lenders[" + i + "]";
            name(l.name(), path + ".name", names);
            total += l.marketShare();
            Set<ProductKind> kinds = new HashSet<>();
            for (int j = 0; j < l.products().size(); j++) {
                String id = l.products().get(j);
                String productPath = path + ".products[" + j + "]";
                if (!productIds.contains(id)) {
                    add(productPath, "no product with id '" + id + "'"
                            + SchemaValidator.nearest(id, List.copyOf(productIds)).map(n -> "; did you mean '" + n + "'?").orElse(""));
                } else if (!kinds.add(s.product(id).kind())) {
                    add(productPath, "a lender offers at most one product of each kind; '" + id + "' is a second "
                            + s.product(id).kind().toString().toLowerCase());
                }
            }
            if (l.restructuring().fromMonths() > l.restructuring().toMonths()) {
                add(path + ".restructuring.from_months", "must not exceed to_months (" + l.restructuring().toMonths() + "), got "
                        + l.restructuring().fromMonths());
            }
            if (l.litigation().enabled() && l.litigation().fromMonths() >= l.writeOffMonths()) {
                add(path + ".litigation.from_months", "must be below write_off_months (" + l.writeOffMonths()
                        + "): accounts are written off before they could be sued, got " + l.litigation().fromMonths());
            }
            if (l.tightening().capitalTrigger() < l.balanceSheet().minCapitalRatio() && l.tightening().enabled()) {
                add(path + ".tightening.capital_trigger", "must not be below balance_sheet.min_capital_ratio ("
                        + l.balanceSheet().minCapitalRatio() + "), got " + l.tightening().capitalTrigger());
            }
        }
        if (Math.abs(total - 1.0) > SHARE_TOLERANCE) {
            add("lenders", "lender market shares must add up to 1, they add up to " + round(total));
        }
        Set<String> funderNames = new HashSet<>();
        for (int f = 0; f < s.funders().size(); f++) {
            name(s.funders().get(f).name(), "funders[" + f + "].name", funderNames);
        }
        for (int i = 0; i < s.lenders().size(); i++) {
            LenderSpec l = s.lenders().get(i);
            double coLending = 0;
            for (int j = 0; j < l.funding().size(); j++) {
                LenderSpec.Funding f = l.funding().get(j);
                String path = "lenders[" + i + "].funding[" + j + "]";
                if (!funderNames.contains(f.funder())) {
                    add(path + ".funder", "no funder named '" + f.funder() + "'"
                            + SchemaValidator.nearest(f.funder(), List.copyOf(funderNames)).map(n -> "; did you mean '" + n + "'?").orElse(""));
                }
                coLending += f.coLendingShare();
            }
            if (coLending > 0.95) {
                add("lenders[" + i + "].funding", "co-lending shares add up to " + round(coLending) + "; the lender must keep at least 5 %");
            }
            for (int j = 0; j < l.liquidity().actions().size(); j++) {
                String action = l.liquidity().actions().get(j);
                if (!LIQUIDITY_ACTIONS.contains(action)) {
                    add("lenders[" + i + "].liquidity.actions[" + j + "]", "unknown action '" + action + "'; use "
                            + String.join(", ", LIQUIDITY_ACTIONS)
                            + SchemaValidator.nearest(action, LIQUIDITY_ACTIONS).map(n -> " (did you mean '" + n + "'?)").orElse(""));
                }
            }
        }
        if (s.lenders().size() > MAX_LENDERS) {
            add("lenders", "at most " + MAX_LENDERS + " lenders are supported, got " + s.lenders().size());
        }
    }

    private void economy(Scenario s) {
        check(s.economy().unemployment(), "economy.unemployment");
        check(s.economy().incomeGrowth(), "economy.income_growth");
        check(s.economy().inflation(), "economy.inflation");
        check(s.economy().fundingRate(), "economy.funding_rate");
        withIncomes(s.economy().inflation(), "economy.inflation");
    }

    /**
     * A with_incomes path uses none of its own values: a level or values given with it (the shape
     * left at its default) would be ignored without a word, so they are errors.
     */
    private void withIncomes(PathSpec path, String key) {
        if (path.shape() != PathSpec.Shape.WITH_INCOMES) {
            return;
        }
        if (path.level() != 0 || path.shockLevel() != 0 || path.finalLevel() != 0) {
            add(key + ".level", "shape is with_incomes (prices rise with incomes), which uses no level; "
                    + "add shape: flat (or downturn) to use it");
        }
        if (!path.values().isEmpty()) {
            add(key + ".values", "shape is with_incomes (prices rise with incomes), which uses no values; add shape: values to use them");
        }
    }

    private void check(PathSpec path, String key) {
        if (path.shape() == PathSpec.Shape.VALUES && path.values().isEmpty()) {
            add(key + ".values", "shape is 'values' but no values are given");
        }
    }

    private void classification(ClassificationSpec c) {
        if (!(c.specialMentionFrom() < c.substandardFrom() && c.substandardFrom() < c.doubtfulFrom()
                && c.doubtfulFrom() < c.lossFrom())) {
            add("classification", "thresholds must increase: special_mention_from < substandard_from < doubtful_from < loss_from");
        }
    }

    private void name(String name, String path, Set<String> seen) {
        if (!NAME.matcher(name).matches()) {
            add(path, "must contain only letters, digits, '_' and '-', got '" + name + "'");
        } else if (!seen.add(name)) {
            add(path, "duplicate name '" + name + "'");
        }
    }

    private void add(String path, String reason) {
        findings.add(new SchemaValidator.Finding(path, reason));
    }

    private static String round(double x) {
        return String.format(java.util.Locale.ROOT, "%.6g", x);
    }
}

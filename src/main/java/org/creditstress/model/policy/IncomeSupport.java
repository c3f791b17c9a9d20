package org.creditstress.model.policy;

import java.util.ArrayList;
import java.util.List;
import org.creditstress.scenario.PolicyEventSpec;
import org.creditstress.scenario.Scenario;
import org.creditstress.scenario.ScenarioRule;
import org.creditstress.scenario.SegmentSpec;

/**
 * Direct income support while it lasts: {@code value} x permanent income a month, to the
 * unemployed ({@code target: unemployed}, the default) or to everyone, in every segment or only in
 * {@code segment}. Received as income, so it reaches savings and repayments like wages.
 */
final class IncomeSupport implements PolicyEvent {

    @Override
    public String kind() {
        return "income_support";
    }

    @Override
    public String meaning() {
        return "borrowers receive value x permanent income a month for `months` months: the unemployed or everyone "
                + "(`target`), in every segment or one (`segment`)";
    }

    @Override
    public List<ScenarioRule.Problem> check(PolicyEventSpec event, String path, Scenario scenario) {
        List<ScenarioRule.Problem> problems = new ArrayList<>(PolicyEvent.super.check(event, path, scenario));
        if (!event.segment().isEmpty()
                && scenario.population().segments().stream().map(SegmentSpec::name).noneMatch(event.segment()::equals)) {
            problems.add(new ScenarioRule.Problem(path + ".segment", "no segment named '" + event.segment() + "'; segments: "
                    + String.join(", ", scenario.population().segments().stream().map(SegmentSpec::name).toList())));
        }
        return problems;
    }

    @Override
    public void apply(PolicyContext c, PolicyEventSpec e, boolean first) {
        c.state().addIncomeSupport(e.value(), "everyone".equals(e.target()), segmentIndex(c, e.segment()));
    }

    /** The segment's index, or -1 for every segment. */
    private static int segmentIndex(PolicyContext c, String segment) {
        return segment.isEmpty() ? -1 : c.segmentNames().indexOf(segment);
    }
}

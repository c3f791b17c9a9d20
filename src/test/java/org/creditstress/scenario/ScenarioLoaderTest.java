package org.creditstress.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.creditstress.scenario.EconomySpec.LabourMarket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading good scenarios: file values, schema defaults, extends, --set overrides, the resolved form. */
class ScenarioLoaderTest {
    private static final double EPS = 1e-12;
    private static final Path BASELINE = Path.of("scenarios/baseline.yaml");
    private static final Path MILD = Path.of("scenarios/mild-downturn.yaml");
    private static final Path SEVERE = Path.of("scenarios/severe-downturn.yaml");

    @TempDir
    Path tmp;

    private static Scenario load(Path file, String... overrides) {
        return ScenarioLoader.load(file, List.of(overrides)).scenario();
    }

    private static String baselineText() throws IOException {
        return Files.readString(BASELINE);
    }

    /** The baseline text with one fragment replaced; fails if the fragment is not there. */
    private static String baselineWith(String fragment, String replacement) throws IOException {
        String text = baselineText();
        assertTrue(text.contains(fragment), "fixture fragment not in baseline.yaml: " + fragment);
        return text.replace(fragment, replacement);
    }

    private Path write(String fileName, String text) throws IOException {
        Path f = tmp.resolve(fileName);
        Files.writeString(f, text);
        return f;
    }

    @Test
    void baselineLoadsTheValuesWrittenInTheFile() {
        Scenario s = load(BASELINE);

        assertEquals(1, s.version());
        assertEquals("baseline", s.name());
        assertEquals("Calm economy; two platforms, purchase line and cash loan.", s.description());
        assertEquals(20261122L, s.seed());
        assertEquals(20, s.replications());
        assertEquals(new HorizonSpec(36, 60, "2024-01", true), s.horizon());

        assertEquals(100_000, s.population().size());
        assertEquals(List.of("salaried", "self_employed", "gig", "young"),
                s.population().segments().stream().map(SegmentSpec::name).toList());
        assertEquals(List.of(0.55, 0.15, 0.20, 0.10),
                s.population().segments().stream().map(SegmentSpec::share).toList());
        assertEquals(0.25, s.population().segments().get(1).incomeVolatility(), EPS);
        assertEquals(0.6, s.population().segments().get(3).thinFileShare(), EPS);
        assertEquals(0.15, s.population().behaviour().impulseCreditShare(), EPS);
        assertEquals(0.55, s.population().behaviour().essentialShare().median(), EPS);
        assertEquals(List.of(0.75, 0.2, 0.05), s.population().accounts().lendersHeld());

        assertEquals(List.of("baitiao_line", "jintiao_loan"), s.products().stream().map(ProductSpec::id).toList());
        assertEquals(ProductKind.PURCHASE_LINE, s.product("baitiao_line").kind());
        assertEquals(ProductKind.CASH_LOAN, s.product("jintiao_loan").kind());
        assertEquals(200_000.0, s.product("jintiao_loan").maxLimit(), EPS);
        assertEquals(0.015, s.product("baitiao_line").merchantDiscount(), EPS);

        assertEquals(List.of("PlatformA", "PlatformB"), s.lenders().stream().map(LenderSpec::name).toList());
        LenderSpec b = s.lenders().get(1);
        assertEquals(List.of("baitiao_line", "jintiao_loan"), b.products());
        assertEquals(0.4, b.marketShare(), EPS);
        assertEquals(0.6, b.modelQuality(), EPS);
        assertEquals(0.85, b.approvalRate(), EPS);
        assertEquals(List.of(0.75, 0.1875, 0.0625, 0.025), b.collection().cureProbability());
        assertEquals(List.of(5.0, 20.0, 60.0, 120.0), b.collection().costPerAccount());
        assertEquals(List.of(0.01, 0.15, 0.35, 0.55, 0.75), b.provisioning().lossRates());
        assertEquals(0.10, b.balanceSheet().openingCapitalRatio(), EPS);
        assertEquals(new LenderSpec.Tightening(true, 0.09, 0.2, 3, 0.25), b.tightening());
        assertEquals(0.75, s.lenders().get(0).modelQuality(), EPS);

        assertEquals(org.creditstress.scenario.PathSpec.Shape.FLAT, s.economy().unemployment().shape());
        assertEquals(0.052, s.economy().unemployment().level(), EPS);
        assertEquals(0.05, s.economy().incomeGrowth().level(), EPS);
        assertEquals(0.04, s.economy().fundingRate().level(), EPS);
        assertEquals(LabourMarket.Mode.TRACK, s.economy().labourMarket().mode());
        assertEquals(0.25, s.economy().labourMarket().jobFindingMonthly(), EPS);

        assertEquals(1, s.classification().specialMentionFrom());
        assertEquals(3, s.classification().substandardFrom());
        assertEquals(4, s.classification().doubtfulFrom());
        assertEquals(5, s.classification().lossFrom());
        assertEquals(12, s.classification().restructuredObservationMonths());
        assertEquals(new OutputsSpec(true, true, true, true), s.outputs());
    }

    @Test
    void keysAbsentFromTheFileTakeTheirSchemaDefaults() {
        // baseline.yaml gives economy.funding_rate only {shape: flat, level: 0.04}.
        LoadedScenario loaded = ScenarioLoader.load(BASELINE, List.of());
        org.creditstress.scenario.PathSpec funding = loaded.scenario().economy().fundingRate();

        assertEquals(0.04, funding.shockLevel(), EPS, "shock_level defaults to level");
        assertEquals(0.04, funding.finalLevel(), EPS, "final_level defaults to level");
        assertEquals(7, funding.startMonth());
        assertEquals(6, funding.declineMonths());
        assertEquals(6, funding.troughMonths());
        assertEquals(12, funding.recoveryMonths());
        assertEquals(List.of(), funding.values());
        assertEquals(0.01, loaded.scenario().economy().labourMarket().jobLossMonthly(), EPS);

        // The defaults are written into the resolved tree too.
        assertEquals(0.04, loaded.resolved().at("/economy/funding_rate/shock_level").asDouble(), EPS);
        assertEquals(7, loaded.resolved().at("/economy/funding_rate/start_month").asInt());
        assertTrue(loaded.resolvedYaml().contains("job_loss_monthly: 0.01"), loaded.resolvedYaml());
    }

    @Test
    void shockLevelDefaultsToTheLevelGivenInTheSamePath() {
        Scenario s = load(BASELINE, "economy.funding_rate.level=0.07");

        assertEquals(0.07, s.economy().fundingRate().shockLevel(), EPS);
        assertEquals(0.07, s.economy().fundingRate().finalLevel(), EPS);
    }

    @Test
    void missingOutputsSectionTakesDefaults() throws IOException {
        String text = baselineWith("outputs:\n  charts: true\n  segment_metrics: true\n  roll_rates: true\n  vintages: true\n", "");
        Scenario s = load(write("no-outputs.yaml", text));

        assertEquals(new OutputsSpec(true, true, true, true), s.outputs());
    }

    @Test
    void extendsTakesTheBaseMarketAndOverridesTheEconomy() {
        Scenario base = load(BASELINE);
        Scenario mild = load(MILD);

        assertEquals("mild-downturn", mild.name());
        assertNotEquals(base.description(), mild.description());
        assertEquals(base.lenders(), mild.lenders());
        assertEquals(base.products(), mild.products());
        assertEquals(base.population(), mild.population());
        assertEquals(base.horizon(), mild.horizon());
        assertEquals(base.seed(), mild.seed());
        assertEquals(base.classification(), mild.classification());

        org.creditstress.scenario.PathSpec u = mild.economy().unemployment();
        assertEquals(org.creditstress.scenario.PathSpec.Shape.DOWNTURN, u.shape());
        assertEquals(0.052, u.level(), EPS);
        assertEquals(0.065, u.shockLevel(), EPS);
        assertEquals(7, u.startMonth());
        assertEquals(6, u.declineMonths());
        assertEquals(6, u.troughMonths());
        assertEquals(12, u.recoveryMonths());
        assertEquals(0.052, u.finalLevel(), EPS, "final_level not given: defaults to level");
        assertEquals(org.creditstress.scenario.PathSpec.Shape.DOWNTURN, mild.economy().incomeGrowth().shape());
        // Not mentioned by mild-downturn.yaml: the baseline's funding path and labour market.
        assertEquals(base.economy().fundingRate(), mild.economy().fundingRate());
        assertEquals(base.economy().labourMarket(), mild.economy().labourMarket());
    }

    @Test
    void severeDownturnLoadsAndWorsensUnemploymentMoreThanTheMildOne() {
        Scenario mild = load(MILD);
        Scenario severe = load(SEVERE);

        assertEquals("severe-downturn", severe.name());
        assertEquals(load(BASELINE).lenders(), severe.lenders());
        double mildPeak = java.util.stream.IntStream.rangeClosed(1, 36).mapToDouble(mild.economy().unemployment()::at).max().orElseThrow();
        double severePeak = java.util.stream.IntStream.rangeClosed(1, 36).mapToDouble(severe.economy().unemployment()::at).max().orElseThrow();
        assertTrue(severePeak > mildPeak, "severe peak " + severePeak + " vs mild " + mildPeak);
    }

    @Test
    void extendsIsResolvedRelativeToTheExtendingFile() throws IOException {
        Path sub = Files.createDirectories(tmp.resolve("a/b"));
        Files.copy(BASELINE, tmp.resolve("a/base.yaml"));
        Path child = sub.resolve("child.yaml");
        Files.writeString(child, "extends: ../base.yaml\nhorizon:\n  months: 12\n");

        Scenario s = load(child);

        assertEquals(12, s.horizon().months());
        assertEquals(60, s.horizon().burnInMonths(), "mappings merge key by key");
        assertEquals("baseline", s.name(), "name comes from the base file, which sets it");
    }

    @Test
    void extendingFileReplacesListsWhole() throws IOException {
        Files.copy(BASELINE, tmp.resolve("baseline.yaml"));
        Path child = write("one-lender.yaml", """
                extends: baseline.yaml
                lenders:
                  - name: Solo
                    products: [baitiao_line]
                    market_share: 1.0
                """);

        Scenario s = load(child);

        assertEquals(1, s.lenders().size());
        assertEquals("Solo", s.lenders().get(0).name());
        assertEquals(0.7, s.lenders().get(0).modelQuality(), EPS, "schema default, not PlatformA's 0.75");
    }

    @Test
    void setOverridesAScalar() {
        Scenario s = load(BASELINE, "horizon.months=12", "seed=5", "economy.labour_market.mode=fixed_hazards");

        assertEquals(12, s.horizon().months());
        assertEquals(60, s.horizon().burnInMonths());
        assertEquals(5L, s.seed());
        assertEquals(LabourMarket.Mode.FIXED_HAZARDS, s.economy().labourMarket().mode());
    }

    @Test
    void laterSetOfTheSameKeyWins() {
        assertEquals(9, load(BASELINE, "horizon.months=12", "horizon.months=9").horizon().months());
    }

    @Test
    void setOnAnExtendingFileOverridesTheMergedValue() {
        Scenario s = load(MILD, "economy.unemployment.shock_level=0.08", "lenders[0].approval_rate=0.7");

        assertEquals(0.08, s.economy().unemployment().shockLevel(), EPS);
        assertEquals(0.052, s.economy().unemployment().level(), EPS);
        assertEquals(0.7, s.lenders().get(0).approvalRate(), EPS);
    }

    @Test
    void setIndexesAListElementWithBracketsOrDots() {
        Scenario brackets = load(BASELINE, "lenders[1].model_quality=0.5");
        Scenario dots = load(BASELINE, "lenders.1.model_quality=0.5");

        assertEquals(0.5, brackets.lenders().get(1).modelQuality(), EPS);
        assertEquals(0.75, brackets.lenders().get(0).modelQuality(), EPS, "other elements untouched");
        assertEquals(brackets, dots);
    }

    @Test
    void setReachesIntoNestedSectionsOfAListElement() {
        Scenario s = load(BASELINE, "lenders[0].tightening.enabled=false",
                "lenders[0].collection.cure_probability=[0.3, 0.2, 0.1, 0.05]",
                "population.segments[2].share=0.25", "population.segments[3].share=0.05");

        assertFalse(s.lenders().get(0).tightening().enabled());
        assertTrue(s.lenders().get(1).tightening().enabled());
        assertEquals(List.of(0.3, 0.2, 0.1, 0.05), s.lenders().get(0).collection().cureProbability());
        assertEquals(0.25, s.population().segments().get(2).share(), EPS);
    }

    @Test
    void setReplacesAListValue() {
        Scenario s = load(BASELINE, "economy.unemployment.shape=values", "economy.unemployment.values=[0.05,0.06]");

        org.creditstress.scenario.PathSpec u = s.economy().unemployment();
        assertEquals(org.creditstress.scenario.PathSpec.Shape.VALUES, u.shape());
        assertEquals(List.of(0.05, 0.06), u.values());
        assertEquals(0.05, u.at(1), EPS);
        assertEquals(0.06, u.at(2), EPS);
        assertEquals(0.06, u.at(36), EPS, "the last value holds");
    }

    @Test
    void setCanReplaceAWholeListElement() {
        Scenario s = load(BASELINE, "lenders[1]={name: Other, products: [jintiao_loan], market_share: 0.4}");

        LenderSpec other = s.lenders().get(1);
        assertEquals("Other", other.name());
        assertEquals(List.of("jintiao_loan"), other.products());
        assertEquals(0.7, other.modelQuality(), EPS, "schema default fills the new element");
    }

    @Test
    void nameDefaultsToTheFileBaseName() throws IOException {
        String noName = baselineWith("name: baseline\n", "");

        assertEquals("my-scenario", load(write("my-scenario.yaml", noName)).name());
        assertEquals("other", load(write("other.yml", noName)).name());
        assertEquals("from-text", ScenarioLoader.fromYaml("from-text", noName, List.of()).scenario().name());
    }

    @Test
    void resolvedYamlReloadsToAnEqualScenarioAndTheSameText() {
        for (Path file : List.of(BASELINE, MILD, SEVERE)) {
            LoadedScenario first = ScenarioLoader.load(file, List.of("population.size=2000", "lenders[1].model_quality=0.5"));
            String yaml = first.resolvedYaml();

            LoadedScenario again = ScenarioLoader.fromYaml("resolved", yaml, List.of());

            assertEquals(first.scenario(), again.scenario(), file.toString());
            assertEquals(yaml, again.resolvedYaml(), file.toString());
            assertFalse(yaml.contains("extends"), "the resolved form stands alone: " + file);
        }
    }

    @Test
    void resolvedYamlListsSectionsInSchemaOrder() {
        String yaml = ScenarioLoader.load(MILD, List.of()).resolvedYaml();

        List<String> topLevel = yaml.lines().filter(l -> !l.isEmpty() && Character.isLetter(l.charAt(0)))
                .map(l -> l.substring(0, l.indexOf(':'))).toList();
        List<String> schemaOrder = org.creditstress.scenario.schema.ScenarioSchema.root().names();
        assertEquals(schemaOrder, topLevel, "every top-level key, in the schema's order");
    }

    @Test
    void problemAtPointsAtTheLineOfTheKeyInTheFileThatSetIt() throws IOException {
        LoadedScenario mild = ScenarioLoader.load(MILD, List.of());

        ScenarioProblem inMild = mild.problemAt("economy.unemployment.shock_level", "r");
        assertEquals(MILD.toString(), inMild.source());
        assertEquals(lineOf(Files.readString(MILD), "    shock_level: 0.065"), inMild.line());

        ScenarioProblem inBase = mild.problemAt("population.size", "r");
        assertTrue(inBase.source().endsWith("baseline.yaml"), inBase.source());
        assertEquals(lineOf(baselineText(), "  size: 100000"), inBase.line());
    }

    @Test
    void flatPathIsItsLevelEveryMonth() {
        org.creditstress.scenario.PathSpec p = new org.creditstress.scenario.PathSpec(
                org.creditstress.scenario.PathSpec.Shape.FLAT, 0.05, 0.10, 3, 2, 1, 2, 0.06, List.of());

        for (int m = -1; m <= 40; m++) {
            assertEquals(0.05, p.at(m), EPS, "month " + m);
        }
    }

    @Test
    void downturnPathFollowsItsPiecewiseLinearShape() {
        org.creditstress.scenario.PathSpec p = new org.creditstress.scenario.PathSpec(
                org.creditstress.scenario.PathSpec.Shape.DOWNTURN, 0.05, 0.10, 3, 2, 1, 2, 0.06, List.of());

        double[] expected = {0.05, 0.05, 0.075, 0.10, 0.10, 0.08, 0.06, 0.06};
        for (int m = 1; m <= expected.length; m++) {
            assertEquals(expected[m - 1], p.at(m), EPS, "month " + m);
        }
        assertEquals(0.06, p.at(100), EPS);
        assertEquals(0.05, p.at(0), EPS, "months before 1 take the month-1 value");
    }

    @Test
    void downturnWithoutTroughIsAV() {
        // level 0.04, shock 0.08 from month 2 over 4 months, no trough, 2 months back to 0.04.
        org.creditstress.scenario.PathSpec p = new org.creditstress.scenario.PathSpec(
                org.creditstress.scenario.PathSpec.Shape.DOWNTURN, 0.04, 0.08, 2, 4, 0, 2, 0.04, List.of());

        double[] expected = {0.04, 0.05, 0.06, 0.07, 0.08, 0.06, 0.04, 0.04};
        for (int m = 1; m <= expected.length; m++) {
            assertEquals(expected[m - 1], p.at(m), EPS, "month " + m);
        }
    }

    @Test
    void downturnStartingInMonthOneMovesInMonthOne() {
        org.creditstress.scenario.PathSpec p = new org.creditstress.scenario.PathSpec(
                org.creditstress.scenario.PathSpec.Shape.DOWNTURN, 0.0, 1.0, 1, 4, 0, 1, 0.5, List.of());

        assertEquals(0.25, p.at(1), EPS);
        assertEquals(1.0, p.at(4), EPS);
        assertEquals(0.5, p.at(5), EPS);
        assertEquals(0.25, p.at(0), EPS, "months before 1 take the month-1 value");
    }

    @Test
    void valuesPathListsMonthlyValuesAndHoldsTheLast() {
        org.creditstress.scenario.PathSpec p = new org.creditstress.scenario.PathSpec(
                org.creditstress.scenario.PathSpec.Shape.VALUES, 0.9, 0.9, 1, 1, 0, 1, 0.9, List.of(0.05, 0.06, 0.08));

        assertEquals(0.05, p.at(1), EPS);
        assertEquals(0.06, p.at(2), EPS);
        assertEquals(0.08, p.at(3), EPS);
        assertEquals(0.08, p.at(4), EPS);
        assertEquals(0.08, p.at(60), EPS);
        assertEquals(0.05, p.at(0), EPS, "months before 1 take the month-1 value");
    }

    @Test
    void downturnLoadedFromYamlMatchesTheHandComputedPath() {
        Scenario s = load(BASELINE, "economy.unemployment={shape: downturn, level: 0.05, shock_level: 0.10, start_month: 3, "
                + "decline_months: 2, trough_months: 1, recovery_months: 2, final_level: 0.06}");

        double[] expected = {0.05, 0.05, 0.075, 0.10, 0.10, 0.08, 0.06, 0.06};
        for (int m = 1; m <= expected.length; m++) {
            assertEquals(expected[m - 1], s.economy().unemployment().at(m), EPS, "month " + m);
        }
    }

    /** 1-based line of the first line containing {@code fragment}. */
    static int lineOf(String text, String fragment) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(fragment)) {
                return i + 1;
            }
        }
        throw new AssertionError("not in text: " + fragment);
    }
}

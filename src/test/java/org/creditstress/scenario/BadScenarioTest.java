package org.creditstress.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One test per class of bad input: each problem must name the file (or --set), the line, the key
 * path and the reason. Fixtures are baseline.yaml with one line changed, so lines are known.
 */
class BadScenarioTest {
    private static final Path BASELINE = Path.of("scenarios/baseline.yaml");
    private static String baseline;

    @TempDir
    Path tmp;

    @BeforeAll
    static void readBaseline() throws IOException {
        baseline = Files.readString(BASELINE);
    }

    /** The baseline text with one fragment replaced; fails if the fragment is not there exactly once. */
    private static String baselineWith(String fragment, String replacement) {
        int at = baseline.indexOf(fragment);
        assertTrue(at >= 0, "fixture fragment not in baseline.yaml: " + fragment);
        assertEquals(-1, baseline.indexOf(fragment, at + 1), "fixture fragment not unique: " + fragment);
        return baseline.replace(fragment, replacement);
    }

    /** 1-based line of the {@code occurrence}-th (1-based) line containing {@code fragment}. */
    private static int lineOf(String text, String fragment, int occurrence) {
        List<String> lines = text.lines().toList();
        int seen = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(fragment) && ++seen == occurrence) {
                return i + 1;
            }
        }
        throw new AssertionError("not in fixture: " + fragment);
    }

    private static int lineOf(String text, String fragment) {
        return lineOf(text, fragment, 1);
    }

    private Path write(String name, String text) throws IOException {
        Path f = tmp.resolve(name);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
        return f;
    }

    private static ScenarioException failsToLoad(Path file, String... overrides) {
        return assertThrows(ScenarioException.class, () -> ScenarioLoader.load(file, List.of(overrides)));
    }

    /** Loads and expects exactly one problem. */
    private static ScenarioProblem theProblem(Path file, String... overrides) {
        List<ScenarioProblem> problems = failsToLoad(file, overrides).problems();
        assertEquals(1, problems.size(), problems.toString());
        return problems.get(0);
    }

    private static void assertProblem(ScenarioProblem p, String source, int line, String keyPath, String reason) {
        assertEquals(source, p.source(), p.toString());
        assertEquals(line, p.line(), p.toString());
        assertEquals(keyPath, p.keyPath(), p.toString());
        assertEquals(reason, p.reason(), p.toString());
    }

    @Test
    void problemPrintsAsFileLineKeyReason() {
        assertEquals("a.yaml:3: x.y: bad", new ScenarioProblem("a.yaml", 3, "x.y", "bad").toString());
        assertEquals("a.yaml: bad", new ScenarioProblem("a.yaml", 0, "", "bad").toString());
        assertEquals("--set x=1: x: bad", new ScenarioProblem("--set x=1", 0, "x", "bad").toString());
    }

    @Test
    void malformedYamlNamesTheFileAndLine() throws IOException {
        String text = baselineWith("  burn_in_months: 60 ", "  burn_in_months: 60: 3 ");
        Path f = write("malformed.yaml", text);

        ScenarioProblem p = theProblem(f);

        assertEquals(f.toString(), p.source());
        assertEquals(lineOf(text, "burn_in_months: 60: 3"), p.line());
        assertEquals("", p.keyPath());
        assertTrue(p.reason().startsWith("malformed YAML: "), p.reason());
        assertTrue(p.reason().contains("mapping values are not allowed"), p.reason());
    }

    @Test
    void duplicateKeyIsRejectedAtTheLineOfTheRepeat() throws IOException {
        String text = baselineWith("  burn_in_months: 60 ", "  months: 12\n  burn_in_months: 60 ");
        Path f = write("duplicate.yaml", text);

        ScenarioProblem p = theProblem(f);

        assertEquals(f.toString(), p.source());
        assertEquals(lineOf(text, "  months: 12"), p.line());
        assertTrue(p.reason().contains("Duplicate field 'months'"), p.reason());
    }

    @Test
    void unknownKeySuggestsTheNearestValidKey() throws IOException {
        String text = baselineWith("    model_quality: 0.75 ", "    model_qualty: 0.75 ");
        Path f = write("typo.yaml", text);

        assertProblem(theProblem(f), f.toString(), lineOf(text, "model_qualty"), "lenders[0].model_qualty",
                "unknown key; did you mean 'model_quality'?");
    }

    @Test
    void unknownKeyWithNoCloseMatchListsTheValidKeys() throws IOException {
        String text = baselineWith("  burn_in_months: 60 ", "  burn_in_months: 60\n  volatility_regime: 3 ");
        Path f = write("unknown.yaml", text);

        assertProblem(theProblem(f), f.toString(), lineOf(text, "volatility_regime"), "horizon.volatility_regime",
                "unknown key; valid keys here: months, burn_in_months, start, shared_start");
    }

    @Test
    void stringWhereANumberIsExpected() throws IOException {
        String text = baselineWith("    model_quality: 0.75 ", "    model_quality: high ");
        Path f = write("type.yaml", text);

        assertProblem(theProblem(f), f.toString(), lineOf(text, "model_quality: high"), "lenders[0].model_quality",
                "must be a number in [0, 1], got 'high'");
    }

    @Test
    void stringWhereAnIntegerIsExpected() throws IOException {
        String text = baselineWith("  size: 100000 ", "  size: lots ");
        Path f = write("type.yaml", text);

        assertProblem(theProblem(f), f.toString(), lineOf(text, "size: lots"), "population.size",
                "must be an integer [1, 50000000], got 'lots'");
    }

    @Test
    void numberOutOfRangeIsNotClamped() throws IOException {
        String text = baselineWith("    model_quality: 0.75 ", "    model_quality: 1.7 ");
        Path f = write("range.yaml", text);

        assertProblem(theProblem(f), f.toString(), lineOf(text, "model_quality: 1.7"), "lenders[0].model_quality",
                "must be in [0, 1] (correlation), got 1.7");
    }

    @Test
    void numberListElementOutOfRangeNamesItsIndex() throws IOException {
        String text = baselineWith("      loss_rates: [0.01, 0.15, 0.35, 0.55, 0.75]  # assumption: PD",
                "      loss_rates: [0.01, 0.15, 1.35, 0.55, 0.75]  # assumption: PD");
        Path f = write("list-range.yaml", text);

        assertProblem(theProblem(f), f.toString(), lineOf(text, "1.35"), "lenders[0].provisioning.loss_rates[2]",
                "must be in [0, 1] (share of balance), got 1.35");
    }

    @Test
    void numberListOfTheWrongLength() throws IOException {
        String text = baselineWith("      loss_rates: [0.01, 0.15, 0.35, 0.55, 0.75]  # assumption: PD",
                "      loss_rates: [0.01, 0.15, 0.35, 0.55]  # assumption: PD");
        Path f = write("list-length.yaml", text);

        assertProblem(theProblem(f), f.toString(), lineOf(text, "[0.01, 0.15, 0.35, 0.55]"), "lenders[0].provisioning.loss_rates",
                "must have exactly 5 numbers, got 4");
    }

    @Test
    void integerExpectedButGotAFraction() throws IOException {
        String text = baselineWith("  months: 36 ", "  months: 1.5 ");
        Path f = write("integer.yaml", text);

        assertProblem(theProblem(f), f.toString(), lineOf(text, "months: 1.5"), "horizon.months",
                "must be an integer [1, 600], got 1.5");
    }

    @Test
    void badChoiceSuggestsTheNearestChoice() throws IOException {
        String text = baselineWith("unemployment: {shape: flat,", "unemployment: {shape: dowturn,");
        Path f = write("choice.yaml", text);

        assertProblem(theProblem(f), f.toString(), lineOf(text, "dowturn"), "economy.unemployment.shape",
                "must be one of flat, downturn, values (did you mean 'downturn'?), got 'dowturn'");
    }

    @Test
    void missingRequiredKeyPointsAtItsListElement() throws IOException {
        String text = baselineWith("      share: 0.55 ", "      # share removed ");
        Path f = write("required.yaml", text);

        assertProblem(theProblem(f), f.toString(), lineOf(text, "- name: salaried"), "population.segments[0].share",
                "missing required key (number [0, 1])");
    }

    @Test
    void segmentSharesMustAddUpToOne() throws IOException {
        String text = baselineWith("      share: 0.55 ", "      share: 0.50 ");
        Path f = write("shares.yaml", text);

        assertProblem(theProblem(f), f.toString(), lineOf(text, "  segments:"), "population.segments",
                "segment shares must add up to 1, they add up to 0.950000");
    }

    @Test
    void lenderMarketSharesMustAddUpToOne() throws IOException {
        String text = baselineWith("    market_share: 0.4 ", "    market_share: 0.5 ");
        Path f = write("market-shares.yaml", text);

        assertProblem(theProblem(f), f.toString(), lineOf(text, "lenders:"), "lenders",
                "lender market shares must add up to 1, they add up to 1.10000");
    }

    @Test
    void lenderReferringToAnUnknownProductSuggestsANearId() throws IOException {
        String text = baselineWith("    products: [baitiao_line, jintiao_loan]\n    market_share: 0.6",
                "    products: [baitiao_lin, jintiao_loan]\n    market_share: 0.6");
        Path f = write("product.yaml", text);

        assertProblem(theProblem(f), f.toString(), lineOf(text, "[baitiao_lin,"), "lenders[0].products[0]",
                "no product with id 'baitiao_lin'; did you mean 'baitiao_line'?");
    }

    @Test
    void duplicateLenderNamesAreRejectedAtTheSecond() throws IOException {
        String text = baselineWith("  - name: PlatformB", "  - name: PlatformA");
        Path f = write("dup-lender.yaml", text);

        assertProblem(theProblem(f), f.toString(), lineOf(text, "- name: PlatformA", 2), "lenders[1].name",
                "duplicate name 'PlatformA'");
    }

    @Test
    void classificationThresholdsMustIncrease() throws IOException {
        String text = baselineWith("  doubtful_from: 4 ", "  doubtful_from: 3 ");
        Path f = write("classes.yaml", text);

        ScenarioProblem p = theProblem(f);
        assertEquals(lineOf(text, "classification:"), p.line(), p.toString());
        assertEquals("classification", p.keyPath());
        assertTrue(p.reason().startsWith("thresholds must increase"), p.reason());
    }

    @Test
    void startMustBeAYearAndAMonth() throws IOException {
        String text = baselineWith("  start: 2024-01 ", "  start: 2024-13 ");
        Path f = write("start.yaml", text);

        assertProblem(theProblem(f), f.toString(), lineOf(text, "start: 2024-13"), "horizon.start",
                "must be a year and month YYYY-MM with a month from 01 to 12, e.g. 2024-01, got '2024-13'");
    }

    @Test
    void seasonalCalendarNeedsTwelveNumbers() throws IOException {
        String text = baselineWith("      - 1.22    # December", "      # December removed");
        Path f = write("calendar-length.yaml", text);

        assertProblem(theProblem(f), f.toString(), lineOf(text, "seasonal_calendar:"), "population.behaviour.seasonal_calendar",
                "must have exactly 12 numbers, got 11");
    }

    @Test
    void seasonalCalendarWeightsMustBePositive() throws IOException {
        String text = baselineWith("      - 0.68    # February", "      - 0       # February");
        Path f = write("calendar-zero.yaml", text);

        assertProblem(theProblem(f), f.toString(), lineOf(text, "- 0       # February"), "population.behaviour.seasonal_calendar[1]",
                "must be positive: every month needs some discretionary purchases (the 12 weights are scaled to a mean of 1), got 0.0");
    }

    @Test
    void inflationLevelWithoutAShapeIsNotIgnored() {
        String set = "economy.inflation.level=0.03";
        assertProblem(theProblem(BASELINE, set), "--set " + set, 0, "economy.inflation.level",
                "shape is with_incomes (prices rise with incomes), which uses no level; add shape: flat (or downturn) to use it");
    }

    @Test
    void valuesShapeWithoutValues() throws IOException {
        String text = baselineWith("unemployment: {shape: flat,", "unemployment: {shape: values,");
        Path f = write("values.yaml", text);

        assertProblem(theProblem(f), f.toString(), lineOf(text, "{shape: values,"), "economy.unemployment.values",
                "shape is 'values' but no values are given");
    }

    @Test
    void setOfAnUnknownPathSuggestsTheNearestKey() {
        String set = "lenders[0].model_qualty=0.5";

        assertProblem(theProblem(BASELINE, set), "--set " + set, 0, "lenders[0].model_qualty",
                "unknown key; did you mean 'model_quality'?");
        assertProblem(theProblem(BASELINE, "horizn.months=3"), "--set horizn.months=3", 0, "horizn.months",
                "unknown key; did you mean 'horizon'?");
    }

    @Test
    void setOfAListIndexOutOfRange() {
        String set = "lenders[5].model_quality=0.5";

        assertProblem(theProblem(BASELINE, set), "--set " + set, 0, "lenders[5].model_quality",
                "index 5 is out of range: the list has 2 element(s)");
    }

    @Test
    void setWithoutEqualsSign() {
        String set = "lenders[0].model_quality";

        ScenarioProblem p = theProblem(BASELINE, set);
        assertEquals("--set " + set, p.source());
        assertEquals(0, p.line());
        assertTrue(p.reason().startsWith("expected KEY=VALUE"), p.reason());
    }

    @Test
    void setValueOutOfRangeNamesTheSetNotTheFile() {
        String set = "lenders[0].model_quality=1.7";

        ScenarioProblem p = theProblem(BASELINE, set);
        assertProblem(p, "--set " + set, 0, "lenders[0].model_quality", "must be in [0, 1] (correlation), got 1.7");
        assertEquals("--set lenders[0].model_quality=1.7: lenders[0].model_quality: must be in [0, 1] (correlation), got 1.7",
                p.toString());
    }

    @Test
    void setOfASectionToAScalarAsksForOneOfItsKeys() {
        assertProblem(theProblem(BASELINE, "horizon=5"), "--set horizon=5", 0, "horizon",
                "'horizon' is a section; set one of its keys, e.g. horizon.months");
    }

    @Test
    void problemsInAWholeElementGivenBySetNameTheSet() {
        String set = "lenders[1]={name: Other}";

        List<ScenarioProblem> problems = failsToLoad(BASELINE, set).problems();

        assertEquals(List.of("lenders[1].products", "lenders[1].market_share"),
                problems.stream().map(ScenarioProblem::keyPath).toList(), problems.toString());
        problems.forEach(p -> assertEquals("--set " + set, p.source(), p.toString()));
        problems.forEach(p -> assertTrue(p.reason().startsWith("missing required"), p.toString()));
    }

    @Test
    void everyBadSetIsReported() {
        List<ScenarioProblem> problems = failsToLoad(BASELINE, "horizon.months=0", "nosuchkey=1", "lenders[9].name=x").problems();

        assertEquals(List.of("--set horizon.months=0", "--set nosuchkey=1", "--set lenders[9].name=x"),
                problems.stream().map(ScenarioProblem::source).toList(), problems.toString());
    }

    @Test
    void missingFile() {
        Path f = tmp.resolve("nowhere.yaml");

        assertProblem(theProblem(f), f.toString(), 0, "", "file not found");
    }

    @Test
    void extendsOfAMissingFileNamesTheExtendingFileAndLine() throws IOException {
        Path f = write("child.yaml", "# a child\nname: child\nextends: nothere.yaml\n");

        assertProblem(theProblem(f), f.toString(), 3, "extends",
                tmp.toAbsolutePath().normalize().resolve("nothere.yaml") + ": file not found");
    }

    @Test
    void circularExtendsIsReportedWhereTheLoopCloses() throws IOException {
        Path a = write("a.yaml", "extends: b.yaml\nname: a\n");
        Path b = write("b.yaml", "# b\nextends: a.yaml\n");

        ScenarioProblem p = theProblem(a);

        assertEquals(b.toAbsolutePath().normalize().toString(), Path.of(p.source()).toAbsolutePath().normalize().toString());
        assertEquals(2, p.line());
        assertEquals("extends", p.keyPath());
        assertTrue(p.reason().startsWith("circular extends: "), p.reason());
        assertTrue(p.reason().contains("a.yaml"), p.reason());
    }

    @Test
    void fileExtendingItselfIsCircular() throws IOException {
        Path c = write("self.yaml", "name: self\nextends: self.yaml\n");

        ScenarioProblem p = theProblem(c);

        assertEquals(c.toString(), p.source());
        assertEquals(2, p.line());
        assertTrue(p.reason().startsWith("circular extends: "), p.reason());
    }

    @Test
    void emptyFile() throws IOException {
        Path empty = write("empty.yaml", "");
        Path onlyComments = write("comments.yaml", "# nothing here yet\n\n");

        assertProblem(theProblem(empty), empty.toString(), 0, "", "the file is empty");
        assertProblem(theProblem(onlyComments), onlyComments.toString(), 0, "", "the file is empty");
    }

    @Test
    void fileThatIsNotAMapping() throws IOException {
        Path f = write("list.yaml", "- a\n- b\n");

        assertProblem(theProblem(f), f.toString(), 1, "", "a scenario must be a YAML mapping of keys to values");
    }

    @Test
    void severalErrorsAreReportedTogether() throws IOException {
        String text = baselineWith("  months: 36 ", "  months: 1.5 ")
                .replace("  size: 100000 ", "  size: lots ")
                .replace("    model_quality: 0.75 ", "    model_qualty: 0.75 ")
                .replace("    model_quality: 0.6 ", "    model_quality: 1.6 ");
        Path f = write("several.yaml", text);

        List<ScenarioProblem> problems = failsToLoad(f).problems();

        assertEquals(List.of("horizon.months", "population.size", "lenders[0].model_qualty", "lenders[1].model_quality"),
                problems.stream().map(ScenarioProblem::keyPath).toList(), problems.toString());
        assertEquals(List.of(lineOf(text, "months: 1.5"), lineOf(text, "size: lots"), lineOf(text, "model_qualty"),
                lineOf(text, "model_quality: 1.6")), problems.stream().map(ScenarioProblem::line).toList());
        problems.forEach(p -> assertEquals(f.toString(), p.source()));
    }

    @Test
    void exceptionMessageHasOneLinePerProblem() throws IOException {
        String text = baselineWith("  months: 36 ", "  months: 0 ").replace("  size: 100000 ", "  size: 0 ");
        Path f = write("two.yaml", text);

        ScenarioException e = failsToLoad(f);

        assertEquals(e.problems().stream().map(ScenarioProblem::toString).toList(), e.getMessage().lines().toList());
        assertEquals(2, e.problems().size());
    }

    @Test
    void problemInTheExtendedFileNamesThatFile() throws IOException {
        String badBase = baselineWith("    model_quality: 0.75 ", "    model_quality: 1.7 ");
        Path base = write("base.yaml", badBase);
        Path child = write("child.yaml", "extends: base.yaml\nname: child\nhorizon:\n  months: 0\n");

        List<ScenarioProblem> problems = failsToLoad(child).problems();

        assertEquals(2, problems.size(), problems.toString());
        ScenarioProblem inBase = problems.stream().filter(p -> p.keyPath().equals("lenders[0].model_quality")).findFirst().orElseThrow();
        ScenarioProblem inChild = problems.stream().filter(p -> p.keyPath().equals("horizon.months")).findFirst().orElseThrow();
        assertEquals(base.toAbsolutePath().normalize().toString(), inBase.source());
        assertEquals(lineOf(badBase, "model_quality: 1.7"), inBase.line());
        assertEquals(child.toString(), inChild.source());
        assertEquals(4, inChild.line());
    }

    @Test
    void fromYamlNamesItsSource() {
        ScenarioProblem p = assertThrows(ScenarioException.class,
                () -> ScenarioLoader.fromYaml("inline", baselineWith("  months: 36 ", "  months: 0 "), List.of()))
                .problems().get(0);

        assertEquals("inline", p.source());
        assertEquals(lineOf(baselineWith("  months: 36 ", "  months: 0 "), "months: 0"), p.line());
        assertEquals("horizon.months", p.keyPath());
    }
}

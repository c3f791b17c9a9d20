package org.creditstress.scenario;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** EconomySpec paths from CSV files, monthly or quarterly, and the supervisory presets. */
class EconomyCsvTest {

    @Test
    void quarterlyValuesSitAtMidQuarterAndAreInterpolatedLinearly() {
        double[] m = EconomyCsv.monthly(new double[] {0.05, 0.08, 0.02});
        assertArrayEquals(new double[] {0.05, 0.05, 0.06, 0.07, 0.08, 0.06, 0.04, 0.02, 0.02}, m, 1e-12);
    }

    @Test
    void theSeverelyAdversePresetReadsItsCsvIntoTheResolvedScenario() {
        LoadedScenario s = ScenarioLoader.load(Path.of("scenarios/supervisory/severely-adverse.yaml"), List.of());
        var u = s.scenario().economy().unemployment();
        assertEquals(org.creditstress.scenario.PathSpec.Shape.VALUES, u.shape());
        assertEquals(27, u.values().size(), "9 quarters, monthly");
        assertEquals(0.052, u.at(1), 1e-12);
        assertEquals(0.093, u.at(14), 1e-12, "quarter 5 sits at month 14");
        assertEquals(27, s.scenario().horizon().months());
        assertTrue(s.resolvedYaml().contains("file: \"\"") || s.resolvedYaml().contains("file: ''"), "the resolved file needs no CSV");
        LoadedScenario again = ScenarioLoader.fromYaml("resolved.yaml", s.resolvedYaml(), List.of());
        assertEquals(s.scenario(), again.scenario(), "the resolved scenario reproduces the same paths without the file");
    }

    @Test
    void aMissingColumnIsNamedWithTheNearestOne(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("paths.csv"), "month,unemploymnt\n1,0.05\n");
        Files.writeString(dir.resolve("s.yaml"), "extends: " + Path.of("scenarios/baseline.yaml").toAbsolutePath()
                + "\neconomy:\n  unemployment: {file: paths.csv}\n");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(dir.resolve("s.yaml"), List.of()));
        String msg = e.problems().get(0).toString();
        assertTrue(msg.contains("s.yaml:3: economy.unemployment.file:") && msg.contains("did you mean 'unemploymnt'"), msg);
    }

    @Test
    void valuesOutOfRangeInTheCsvAreRejectedLikeValuesInTheFile(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("paths.csv"), "month,unemployment\n1,5.2\n2,5.4\n");
        Files.writeString(dir.resolve("s.yaml"), "extends: " + Path.of("scenarios/baseline.yaml").toAbsolutePath()
                + "\neconomy:\n  unemployment: {file: paths.csv}\n");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(dir.resolve("s.yaml"), List.of()));
        assertEquals(dir.resolve("paths.csv") + ":2: economy.unemployment: row 1, column 'unemployment': must be in [0, 0.95] (share), "
                + "got 5.2 (and 1 more row(s) of this column)", e.getMessage(), "one problem for the column, at the CSV row");
    }

    @Test
    void aNonNumberNamesTheCsvFileLineRowAndColumn(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("paths.csv"), "month,unemployment\n1,0.05\n2,n/a\n");
        Files.writeString(dir.resolve("s.yaml"), "extends: " + Path.of("scenarios/baseline.yaml").toAbsolutePath()
                + "\neconomy:\n  unemployment: {file: paths.csv}\n");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(dir.resolve("s.yaml"), List.of()));
        assertEquals(dir.resolve("paths.csv") + ":3: economy.unemployment: row 2, column 'unemployment': 'n/a' is not a number",
                e.getMessage());
    }
}

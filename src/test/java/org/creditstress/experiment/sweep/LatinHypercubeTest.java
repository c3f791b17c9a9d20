package org.creditstress.experiment.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.creditstress.scenario.LoadedScenario;
import org.creditstress.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

class LatinHypercubeTest {

    /** Asserts that every dimension has exactly one sample in each of the n strata. */
    static void assertLatin(double[][] u) {
        int n = u.length;
        for (int j = 0; j < u[0].length; j++) {
            boolean[] hit = new boolean[n];
            for (double[] row : u) {
                assertTrue(row[j] >= 0 && row[j] < 1, "in [0, 1): " + row[j]);
                int stratum = (int) Math.floor(row[j] * n);
                assertFalse(hit[stratum], "stratum " + stratum + " of dimension " + j + " hit twice");
                hit[stratum] = true;
            }
        }
    }

    @Test
    void oneSamplePerStratumInEveryDimension() {
        for (int n : new int[] {1, 2, 7, 50, 1000}) {
            double[][] u = LatinHypercube.sample(n, 4, LatinHypercube.seedFor(20261122L + n));
            assertEquals(n, u.length);
            assertEquals(4, u[0].length);
            assertLatin(u);
        }
    }

    @Test
    void reproducibleFromTheSeedAndDifferentForAnotherSeed() {
        long seed = LatinHypercube.seedFor(20261122L);
        assertEquals(seed, LatinHypercube.seedFor(20261122L));
        double[][] a = LatinHypercube.sample(20, 3, seed);
        double[][] b = LatinHypercube.sample(20, 3, seed);
        for (int i = 0; i < a.length; i++) {
            assertArrayEquals(a[i], b[i]);
        }
        double[][] c = LatinHypercube.sample(20, 3, LatinHypercube.seedFor(20261123L));
        assertFalse(Arrays.deepEquals(a, c));
        // Dimensions are paired by independent permutations, not all in the same order.
        int[] first = Arrays.stream(a).mapToInt(r -> (int) (r[0] * 20)).toArray();
        int[] second = Arrays.stream(a).mapToInt(r -> (int) (r[1] * 20)).toArray();
        assertFalse(Arrays.equals(first, second));
    }

    @Test
    void refusesEmptyDesigns() {
        assertThrows(IllegalArgumentException.class, () -> LatinHypercube.sample(0, 2, 1));
        assertThrows(IllegalArgumentException.class, () -> LatinHypercube.sample(3, 0, 1));
    }

    @Test
    void sweepPointsOfAnLhsDesignAreALatinHypercubeOfTheRangesAndReproducible() {
        LoadedScenario base = ScenarioLoader.load(Path.of("scenarios/severe-downturn.yaml"), List.of("population.size=3000"));
        List<Vary> vary = List.of(Vary.parse("economy.unemployment.shock_level=0.06:0.14"),
                Vary.parse("lenders[0].model_quality=0.5:0.9"));
        int n = 25;
        List<SweepPoint> points = SweepPlan.points(vary, Design.LHS, n, base.scenario().seed(), base);
        assertEquals(n, points.size());
        assertEquals("p0001", points.get(0).id());
        double[][] u = new double[n][2];
        for (int i = 0; i < n; i++) {
            double s = Double.parseDouble(points.get(i).values().get("economy.unemployment.shock_level"));
            double q = Double.parseDouble(points.get(i).values().get("lenders[0].model_quality"));
            u[i][0] = (s - 0.06) / 0.08;
            u[i][1] = (q - 0.5) / 0.4;
        }
        assertLatin(u);
        assertEquals(points, SweepPlan.points(vary, Design.LHS, n, base.scenario().seed(), base), "same seed, same points");
        assertNotEquals(points, SweepPlan.points(vary, Design.LHS, n, base.scenario().seed() + 1, base));
    }

    @Test
    void integerKeysGetWholeNumbersSpreadOverTheRange() {
        LoadedScenario base = ScenarioLoader.load(Path.of("scenarios/severe-downturn.yaml"), List.of());
        List<SweepPoint> points = SweepPlan.points(List.of(Vary.parse("economy.unemployment.start_month=1:4")),
                Design.LHS, 8, base.scenario().seed(), base);
        int[] count = new int[5];
        points.forEach(p -> count[Integer.parseInt(p.values().get("economy.unemployment.start_month"))]++);
        assertArrayEquals(new int[] {0, 2, 2, 2, 2}, count, "8 strata over the 4 whole numbers 1..4");
    }

    @Test
    void sobolPointsAreTheSequenceMappedToTheRanges() {
        LoadedScenario base = ScenarioLoader.load(Path.of("scenarios/baseline.yaml"), List.of());
        List<SweepPoint> points = SweepPlan.points(List.of(Vary.parse("economy.unemployment.level=0.04:0.08"),
                Vary.parse("lenders[1].approval_rate=0.5:0.9")), Design.SOBOL, 4, base.scenario().seed(), base);
        assertEquals(List.of("0.04", "0.06", "0.07", "0.05"),
                points.stream().map(p -> p.values().get("economy.unemployment.level")).toList());
        assertEquals(List.of("0.5", "0.7", "0.6", "0.8"),
                points.stream().map(p -> p.values().get("lenders[1].approval_rate")).toList());
    }

    @Test
    void gridPointsAreEveryCombinationLastKeyFastest() {
        LoadedScenario base = ScenarioLoader.load(Path.of("scenarios/baseline.yaml"), List.of());
        List<SweepPoint> points = SweepPlan.points(List.of(Vary.parse("economy.unemployment.level=0.04:0.06:3"),
                Vary.parse("lenders[1].approval_rate=0.5,0.9")), Design.GRID, null, base.scenario().seed(), base);
        assertEquals(6, points.size());
        assertEquals("economy.unemployment.level=0.04, lenders[1].approval_rate=0.5", points.get(0).describe());
        assertEquals("economy.unemployment.level=0.04, lenders[1].approval_rate=0.9", points.get(1).describe());
        assertEquals("economy.unemployment.level=0.06, lenders[1].approval_rate=0.9", points.get(5).describe());
    }

    @Test
    void gridRangesAreExactDecimals() {
        assertEquals(List.of("0.06", "0.08", "0.1", "0.12", "0.14"), Vary.parse("a.b=0.06:0.14:5").list());
        assertEquals(List.of("0", "0.333333333333333", "0.666666666666667", "1"), Vary.parse("a=0:1:4").list(),
                "15 significant digits");
        assertEquals(List.of("10", "15", "20"), Vary.parse("a=10:20:3").list());
        Vary list = Vary.parse("lenders.0.model_quality = 0.5, 0.7");
        assertEquals("lenders[0].model_quality", list.key(), "canonical key path");
        assertEquals(List.of("0.5", "0.7"), list.list());
        assertThrows(IllegalArgumentException.class, () -> Vary.parse("a=1,1"));
        assertThrows(IllegalArgumentException.class, () -> Vary.parse("a=1:x:3"));
        assertThrows(IllegalArgumentException.class, () -> Vary.parse("a=1:2:1"));
        assertThrows(IllegalArgumentException.class, () -> Vary.parse("=1,2"));
        assertThrows(IllegalArgumentException.class, () -> Vary.parse("a"));
    }
}

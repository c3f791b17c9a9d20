package org.creditstress.cli;

import static org.creditstress.cli.ExperimentCommandRunner.assertOneLineError;
import static org.creditstress.cli.ExperimentCommandRunner.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.creditstress.cli.ExperimentCommandRunner.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SensitivityCommandTest {
    private static final String FIXTURE = ReverseStressCommandTest.FIXTURE;

    @TempDir
    Path tmp;

    private Run sensitivity(String... more) {
        return run(new SensitivityCommand(), Stream.concat(Stream.of(FIXTURE, "--quiet"), Stream.of(more)).toArray(String[]::new));
    }

    @Test
    void morrisWritesTheTableTheDesignAndTheCharts() throws IOException {
        Path out = tmp.resolve("sa");
        Run r = sensitivity("--input", "economy.labour_market.job_loss_monthly=0.01:0.05",
                "--input", "population.behaviour.convenience_share=0.2:1", "--output", "peak(unemployment_rate)",
                "--output", "final(m1plus_ratio)", "--trajectories", "3", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("Morris elementary effects of peak(unemployment_rate): 3 trajectories, 4 levels"), r.out());
        for (String f : List.of("sensitivity.csv", "sensitivity.json", "design.csv", "manifest.json",
                "charts/sensitivity_peak_unemployment_rate.png", "charts/morris_peak_unemployment_rate.png",
                "charts/sensitivity_final_m1plus_ratio.png")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        List<String> csv = Files.readAllLines(out.resolve("sensitivity.csv"));
        assertEquals("output,input,low,high,method,mu_star,mu_star_conf,mu,sigma,effects,rank", csv.get(0));
        assertEquals(1 + 2 * 2, csv.size());
        assertTrue(csv.get(1).startsWith("peak(unemployment_rate),economy.labour_market.job_loss_monthly,0.01,0.05,morris,"));
        assertTrue(csv.get(2).startsWith("peak(unemployment_rate),population.behaviour.convenience_share,0.2,1,morris,0,0,0,0,3,2"),
                csv.get(2));
        List<String> design = Files.readAllLines(out.resolve("design.csv"));
        assertEquals("point,design,economy.labour_market.job_loss_monthly,population.behaviour.convenience_share,"
                + "peak(unemployment_rate),final(m1plus_ratio)", design.get(0));
        assertEquals(1 + 3 * 3, design.size());
    }

    @Test
    void sobolWritesFirstOrderAndTotalIndices() throws IOException {
        Path out = tmp.resolve("sobol");
        Run r = sensitivity("--input", "economy.labour_market.job_loss_monthly=0.01:0.05",
                "--input", "population.behaviour.convenience_share=0.2:1", "--output", "peak(unemployment_rate)",
                "--method", "sobol", "--samples", "8", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("Sobol' indices of peak(unemployment_rate): N = 8, 32 design points"), r.out());
        List<String> csv = Files.readAllLines(out.resolve("sensitivity.csv"));
        assertEquals("output,input,low,high,method,s1,s1_conf,st,st_conf,rank", csv.get(0));
        String[] job = csv.get(1).split(",");
        assertTrue(Double.parseDouble(job[7]) > 0.5, "ST of the job-loss hazard: " + csv.get(1));
        String[] spend = csv.get(2).split(",");
        assertEquals(0.0, Double.parseDouble(spend[7]), 1e-12, "ST of spending on unemployment: " + csv.get(2));
    }

    @Test
    void badInputsAreRefusedOnOneLine() {
        String in = "economy.labour_market.job_loss_monthly=0.01:0.05";
        assertOneLineError(sensitivity("--input", in, "--output", "peak(unemployment_rate)", "--method", "fast"),
                "--method 'fast' is not one of morris, sobol");
        assertOneLineError(sensitivity("--input", in, "--output", "peak(unemployment_rate)", "--samples", "8"),
                "--samples applies to --method sobol");
        assertOneLineError(sensitivity("--input", in, "--input", in, "--output", "peak(unemployment_rate)"),
                "is given twice");
        assertOneLineError(sensitivity("--input", "economy.labour_market.job_loss_monthly=0.05:0.01", "--output", "peak(unemployment_rate)"),
                "--input", "low end must be below its high end");
        assertOneLineError(sensitivity("--input", "economy.unemployment.shok_level=0:0.1", "--output", "peak(unemployment_rate)"),
                "--input economy.unemployment.shok_level=0:0.1", "did you mean 'shock_level'");
        assertOneLineError(sensitivity("--input", in, "--output", "worst(unemployment_rate)"), "--output", "peak(M)");
        assertOneLineError(sensitivity("--input", in, "--output", "peak(npl)"), "--output", "no column 'npl'");
        assertOneLineError(sensitivity("--input", in, "--output", "month7(npl_ratio)"), "--output",
                "month 7 is beyond the scenario's horizon of 5 months");
        assertOneLineError(sensitivity("--input", in, "--output", "peak(unemployment_rate)", "--levels", "3"),
                "--levels must be an even number");
        assertOneLineError(sensitivity("--input", in, "--output", "peak(unemployment_rate)", "--trajectories", "1"),
                "--trajectories");
        assertOneLineError(sensitivity("--input", in, "--output", "peak(unemployment_rate)", "--set", "population.size=-5"),
                "population.size");
    }
}

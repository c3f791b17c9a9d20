package org.creditstress.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The classroom page in a real browser: Debian's headless Chromium, driven by Selenium through
 * Debian's chromedriver, loads the page, runs a setting, moves a slider of a second setting, runs
 * both, and checks that the chart's data changed where the setting differs and not where it does
 * not (common random numbers), that an out-of-range value shows the command line's error on the
 * page, and that the downloaded YAML, run by {@code creditstress run}, gives the chart's numbers.
 * Writes a screenshot to {@code target/classroom.png}.
 *
 * <p>Chromium and chromedriver must be installed ({@code apt-get install chromium chromium-driver};
 * {@code .ci/run} does it): without them this test fails, it does not skip. Their paths can be
 * changed with {@code CREDITSTRESS_CHROMIUM} and {@code CREDITSTRESS_CHROMEDRIVER}. Selenium is
 * given the driver's path, so Selenium Manager is never started and nothing is downloaded.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ClassroomPageBrowserTest {
    private static final Duration WAIT = Duration.ofSeconds(90);

    private static Path executable(String variable, String debianPath, String apt) {
        Path p = Path.of(System.getenv().getOrDefault(variable, debianPath));
        if (!Files.isExecutable(p)) {
            fail("the classroom page's browser test needs " + p + " (install it with 'apt-get install -y " + apt
                    + "'; .ci/run does), or set " + variable + " to its path");
        }
        return p;
    }

    /**
     * Headless Chromium with the flags it needs on a closed network (no QUIC, no first-run, no
     * background networking, component updates or sync, or it hangs), a fresh profile and a
     * download folder.
     */
    private static WebDriver chromium(Path profile, Path downloads) {
        Path browser = executable("CREDITSTRESS_CHROMIUM", "/usr/bin/chromium", "chromium");
        Path driver = executable("CREDITSTRESS_CHROMEDRIVER", "/usr/bin/chromedriver", "chromium-driver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1500,1150");
        Map<String, Object> prefs = new HashMap<>();
        prefs.put("download.default_directory", downloads.toString());
        prefs.put("download.prompt_for_download", false);
        options.setExperimentalOption("prefs", prefs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver.toFile())
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    private static Object js(WebDriver d, String script, Object... args) {
        return ((JavascriptExecutor) d).executeScript(script, args);
    }

    /** The numbers a chart holds now: uPlot's own data array {@code series} (2: A's median, 5: B's). */
    @SuppressWarnings("unchecked")
    private static List<Double> chart(WebDriver d, String chart, int series) {
        List<Object> raw = (List<Object>) js(d, "return window.classroom.chartData(arguments[0])[arguments[1]];", chart, series);
        List<Double> out = new ArrayList<>();
        for (Object o : raw) {
            out.add(o == null ? Double.NaN : ((Number) o).doubleValue());
        }
        return out;
    }

    private static String state(WebDriver d) {
        return d.findElement(By.id("status")).getAttribute("data-state");
    }

    /** Clicks Run and waits for a new session to finish (a new id, and state done). */
    private static void runToTheEnd(WebDriver d, WebDriverWait wait) {
        Object before = js(d, "const s = window.classroom.session(); return s ? s.session : null;");
        d.findElement(By.id("run")).click();
        wait.until(x -> {
            Object now = js(x, "const s = window.classroom.session(); return s ? s.session : null;");
            return now != null && !now.equals(before) && "done".equals(state(x));
        });
    }

    @Test
    void aClassMovesASliderRunsTwoSettingsAndReproducesTheRunFromTheDownloadedYaml(@TempDir Path tmp) throws Exception {
        Path downloads = Files.createDirectories(tmp.resolve("downloads"));
        ClassroomLimits s = ClassroomLimits.standard();
        // 3,000 borrowers and 5 replications to start: quick, and bands smooth enough for the screenshot.
        ClassroomLimits limits = new ClassroomLimits(s.maxBorrowers(), s.maxReplications(), s.maxMonths(), s.maxBurnInMonths(), 3000, 5,
                s.maxBodyBytes(), s.maxSessions(), s.maxRunning(), s.idleMinutes());
        try (ClassroomClient server = new ClassroomClient(limits)) {
            WebDriver d = chromium(Files.createDirectories(tmp.resolve("profile")), downloads);
            try {
                WebDriverWait wait = new WebDriverWait(d, WAIT);
                d.get(server.url.toString());
                wait.until(x -> !x.findElements(By.id("c-A-economy_unemployment_shock_level")).isEmpty());
                assertEquals("severe-downturn.yaml", js(d, "return document.getElementById('scenario').value;"));
                d.findElement(By.id("speed")).sendKeys(Keys.END);
                assertEquals("as fast as it goes", d.findElement(By.id("speed-value")).getText());

                // A bad value typed into the seed box: the command line's error, on the page.
                WebElement seed = d.findElement(By.id("c-run-seed"));
                seed.clear();
                seed.sendKeys("-5");
                d.findElement(By.id("setup")).click();
                wait.until(x -> !x.findElements(By.cssSelector("#errors li")).isEmpty());
                assertEquals("error: --set seed=-5: seed: must be in [0, 2^63 - 1], got -5",
                        d.findElement(By.cssSelector("#errors li")).getText());
                seed.clear();
                seed.sendKeys("20261122");

                // Setting A alone, to the end.
                runToTheEnd(d, wait);
                List<Double> unemploymentA = chart(d, "unemployment", 2);
                List<Double> m3plusA = chart(d, "m3plus", 2);
                assertEquals(36, m3plusA.size(), "every month reached the chart");
                assertTrue(d.findElements(By.cssSelector("#story-A li")).size() >= 36, "the story has a line a month");

                // A second setting: move B's downturn-depth slider up by eight steps (0.10 to 0.14), switch on an
                // APR cap (24 % from month 7, the switch's defaults), run both.
                d.findElement(By.id("compare")).click();
                WebElement depthB = d.findElement(By.id("c-B-economy_unemployment_shock_level"));
                for (int i = 0; i < 8; i++) {
                    depthB.sendKeys(Keys.ARROW_RIGHT);
                }
                d.findElement(By.id("p-B-apr_cap")).click();
                WebElement shown = d.findElement(By.cssSelector("#setting-B .control[data-key='economy.unemployment.shock_level'] .value"));
                assertTrue(shown.getAttribute("class").contains("changed"), "the slider shows it differs from the scenario");
                runToTheEnd(d, wait);
                assertEquals(unemploymentA, chart(d, "unemployment", 2), "setting A is unchanged: the same numbers as before");
                assertEquals(m3plusA, chart(d, "m3plus", 2));
                List<Double> unemploymentB = chart(d, "unemployment", 5);
                List<Double> m3plusB = chart(d, "m3plus", 5);
                assertNotEquals(m3plusA, m3plusB, "the chart's data changed with the slider");
                for (int month = 0; month < 6; month++) {
                    assertEquals(unemploymentA.get(month), unemploymentB.get(month), "same random numbers before the downturn");
                }
                assertTrue(unemploymentB.get(14) > unemploymentA.get(14) + 0.02, "a deeper downturn: " + unemploymentB.get(14)
                        + " against " + unemploymentA.get(14));
                assertTrue(max(m3plusB) > max(m3plusA), "and more accounts 3+ months overdue at the peak");
                js(d, "window.scrollTo(0, 0);");
                Files.createDirectories(Path.of("target"));
                Path shot = ((org.openqa.selenium.TakesScreenshot) d).getScreenshotAs(OutputType.FILE).toPath();
                Files.copy(shot, Path.of("target/classroom.png"), StandardCopyOption.REPLACE_EXISTING);

                // Download setting B and run it on the command line: the chart's medians, to the last digit.
                WebElement link = d.findElement(By.id("download-B"));
                String file = link.getAttribute("download");
                link.click();
                Path yaml = downloads.resolve(file);
                wait.until(x -> Files.exists(yaml) && !partial(downloads));
                String text = Files.readString(yaml);
                assertTrue(text.contains("shock_level: 0.14") && text.contains("kind: apr_cap") && text.contains("value: 0.24"), text);
                Path out = tmp.resolve("run");
                ClassroomClient.Cli r = ClassroomClient.cli("run", yaml.toString(), "--out", out.toString(), "--quiet",
                        "--set", "outputs.charts=false");
                assertEquals(0, r.exitCode(), r.err());
                assertEquals(m3plusB, median(out.resolve("summary.csv"), "m3plus_ratio"));
                assertEquals(unemploymentB, median(out.resolve("summary.csv"), "unemployment_rate"));
            } finally {
                d.quit();
            }
        }
    }

    /** Whether a download into {@code folder} is still being written. */
    private static boolean partial(Path folder) {
        try (Stream<Path> s = Files.list(folder)) {
            return s.anyMatch(f -> f.getFileName().toString().endsWith(".crdownload"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static double max(List<Double> xs) {
        return xs.stream().mapToDouble(Double::doubleValue).filter(x -> !Double.isNaN(x)).max().orElseThrow();
    }

    /** The p50 column of summary.csv for one metric, month by month. */
    private static List<Double> median(Path summary, String metric) throws IOException {
        List<Double> out = new ArrayList<>();
        for (String line : Files.readAllLines(summary)) {
            String[] f = line.split(",", -1);
            if (f[0].equals(metric)) {
                out.add(f[4].isEmpty() ? Double.NaN : Double.parseDouble(f[4]));
            }
        }
        return out;
    }
}

package org.creditstress.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.creditstress.run.store.AtomicFiles;
import org.creditstress.network.ClearingResult;
import org.creditstress.network.DebtRank;
import org.creditstress.network.DebtRankResult;
import org.creditstress.network.EisenbergNoe;
import org.creditstress.network.ExposureCsv;
import org.creditstress.network.ExposureNetwork;
import org.creditstress.network.NetworkInputException;
import org.creditstress.network.ResultTable;
import org.creditstress.network.ResultTable.Column;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code creditstress network EXPOSURES.csv --method debtrank|eisenberg-noe [--shock NODE=FRACTION ...]
 * [--out FILE.csv]}: systemic-risk measures on a lender-funder exposure network. See docs/network.md.
 */
@Command(name = "network", header = "DebtRank or Eisenberg-Noe on an exposure matrix.", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {
            "Systemic-risk measures on an exposure network (see docs/network.md).",
            "Matrix cell (row i, column j) = amount node i has lent to node j.",
            "debtrank:      DebtRank (Battiston et al. 2012) of the --shock scenario",
            "               and each node's systemic importance. Needs 'capital'.",
            "eisenberg-noe: Eisenberg-Noe (2001) clearing payments, defaults, default",
            "               rounds, recovery rates, equity. Needs 'external_assets'."})
public final class NetworkCommand implements Callable<Integer> {

    /** The measure to compute. */
    enum Method { DEBTRANK, EISENBERG_NOE }

    /** Value weights for DebtRank. */
    enum Weights { EXPOSURE, CAPITAL, UNIFORM, VALUE }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "EXPOSURES.csv",
            description = "Square exposure matrix with node names in the header and first column, "
                    + "plus per-node columns capital / external_assets / value.")
    Path exposuresFile;

    @Option(names = "--method", required = true, converter = MethodConverter.class,
            paramLabel = "debtrank|eisenberg-noe", description = "Measure to compute.")
    Method method;

    @Option(names = "--shock", paramLabel = "NODE=FRACTION",
            description = "Initial shock, repeatable. debtrank: initial distress h(1) of NODE, in [0,1] "
                    + "(fraction of its capital lost). eisenberg-noe: fraction of NODE's external assets lost.")
    List<String> shocks = new ArrayList<>();

    @Option(names = "--weights", paramLabel = "exposure|capital|uniform|value", defaultValue = "exposure",
            converter = WeightsConverter.class,
            description = "DebtRank value weights: share of total exposures (default, as in Battiston et al.), "
                    + "share of capital, equal, or the file's 'value' column.")
    Weights weights;

    @Option(names = "--variant", paramLabel = "original|differential", defaultValue = "original",
            converter = VariantConverter.class,
            description = "DebtRank variant: original (Battiston et al. 2012, default) or differential "
                    + "(Bardoscia et al. 2015).")
    DebtRank.Variant variant;

    @Option(names = "--out", paramLabel = "FILE.csv", description = "Also write the per-node table as CSV.")
    Path out;

    static final class MethodConverter implements CommandLine.ITypeConverter<Method> {
        @Override
        public Method convert(String value) {
            return parseEnum(Method.class, value);
        }
    }

    static final class WeightsConverter implements CommandLine.ITypeConverter<Weights> {
        @Override
        public Weights convert(String value) {
            return parseEnum(Weights.class, value);
        }
    }

    static final class VariantConverter implements CommandLine.ITypeConverter<DebtRank.Variant> {
        @Override
        public DebtRank.Variant convert(String value) {
            return parseEnum(DebtRank.Variant.class, value);
        }
    }

    /** Case-insensitive enum lookup by {@link #label}. */
    private static <E extends Enum<E>> E parseEnum(Class<E> type, String value) {
        for (E e : type.getEnumConstants()) {
            if (label(e).equalsIgnoreCase(value)) {
                return e;
            }
        }
        throw new CommandLine.TypeConversionException("'" + value + "' is not one of "
                + Arrays.stream(type.getEnumConstants()).map(NetworkCommand::label).collect(Collectors.joining(", ")));
    }

    /** Command-line spelling of an enum constant: lower case, '-' for '_'. */
    private static String label(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Override
    public Integer call() {
        ExposureNetwork network;
        try {
            network = ExposureCsv.read(exposuresFile);
        } catch (NetworkInputException e) {
            throw new UserInputException(e.getMessage(), e);
        }
        Map<Integer, Double> shock = parseShocks(network);
        Report report;
        try {
            report = method == Method.DEBTRANK ? debtRank(network, shock) : eisenbergNoe(network, shock);
        } catch (NetworkInputException e) {
            throw new UserInputException(e.getMessage(), e);
        }
        if (out != null) {
            writeCsv(report.table());
        }
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println(report.title());
        stdout.println();
        stdout.print(report.table().toText());
        stdout.println();
        report.summary().forEach(stdout::println);
        if (out != null) {
            stdout.println("Wrote " + out);
        }
        stdout.flush();
        return 0;
    }

    private Map<Integer, Double> parseShocks(ExposureNetwork network) {
        Map<Integer, Double> result = new LinkedHashMap<>();
        for (String s : shocks) {
            int eq = s.lastIndexOf('=');
            if (eq <= 0) {
                throw new UserInputException("--shock '" + s + "': expected NODE=FRACTION, e.g. --shock "
                        + network.nodes().get(0) + "=0.5");
            }
            String node = s.substring(0, eq).strip();
            String value = s.substring(eq + 1).strip();
            int i = network.indexOf(node);
            if (i < 0) {
                throw new UserInputException("--shock '" + s + "': unknown node '" + node + "' (nodes in "
                        + exposuresFile + ": " + String.join(", ", network.nodes()) + ")");
            }
            double fraction;
            try {
                fraction = Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw new UserInputException("--shock '" + s + "': '" + value + "' is not a number");
            }
            if (!(fraction >= 0 && fraction <= 1)) {
                throw new UserInputException("--shock '" + s + "': fraction " + value + " must be in [0, 1]");
            }
            if (result.put(i, fraction) != null) {
                throw new UserInputException("--shock '" + s + "': node '" + node + "' is shocked twice");
            }
        }
        return result;
    }

    /** A title line, a per-node table and summary lines. */
    private record Report(String title, ResultTable table, List<String> summary) {
    }

    private static double[] uniform(int n) {
        double[] v = new double[n];
        Arrays.fill(v, 1.0);
        return v;
    }

    private Report debtRank(ExposureNetwork network, Map<Integer, Double> shock) {
        double[] capital = network.requireColumn(ExposureNetwork.CAPITAL, "--method debtrank");
        double[][] a = network.exposures();
        DebtRank model = new DebtRank(a, capital, valueWeights(network, a, capital));
        int n = network.size();
        double[] h0 = new double[n];
        shock.forEach((i, f) -> h0[i] = f);
        DebtRankResult result = model.run(h0, variant);
        double[] importance = model.systemicImportance(1.0, variant);
        int[] rank = ranks(importance);
        double[] weight = model.valueWeights();
        double[] h = result.finalDistress();

        ResultTable table = new ResultTable(List.of(Column.text("node"), new Column("capital", "%.2f"),
                new Column("weight", "%.4f"), new Column("h_initial", "%.4f"), new Column("h_final", "%.4f"),
                new Column("systemic_debtrank", "%.4f"), Column.text("systemic_rank")));
        for (int i = 0; i < n; i++) {
            table.addRow(network.nodes().get(i), capital[i], weight[i], h0[i], h[i], importance[i], rank[i]);
        }
        String title = String.format(Locale.ROOT, "DebtRank (%s) on %s: %d nodes, value weights: %s",
                label(variant), exposuresFile, n, label(weights));
        List<String> summary = new ArrayList<>();
        if (shock.isEmpty()) {
            summary.add("No --shock given: h_initial/h_final are 0; systemic_debtrank is each node's DebtRank "
                    + "when it alone is fully distressed.");
        } else {
            summary.add(String.format(Locale.ROOT, "Shock: %s", describe(network, shock)));
            summary.add(String.format(Locale.ROOT,
                    "Scenario DebtRank R = %.4f (shock itself: %.4f, total: %.4f); fully distressed nodes: %d; rounds: %d",
                    result.debtRank(), result.initialWeightedDistress(), result.totalWeightedDistress(),
                    result.fullyDistressedCount(), result.rounds()));
        }
        return new Report(title, table, summary);
    }

    private double[] valueWeights(ExposureNetwork network, double[][] a, double[] capital) {
        double[] v = switch (weights) {
            case EXPOSURE -> DebtRank.exposureWeights(a);
            case CAPITAL -> capital;
            case UNIFORM -> uniform(a.length);
            case VALUE -> network.requireColumn(ExposureNetwork.VALUE, "--weights value");
        };
        if (!(Arrays.stream(v).sum() > 0)) {
            String column = weights == Weights.VALUE ? ExposureNetwork.VALUE : ExposureNetwork.CAPITAL;
            throw new UserInputException(exposuresFile + ": column '" + column + "' sums to 0, so it cannot be "
                    + "used as DebtRank weights (--weights " + label(weights) + ")");
        }
        return v;
    }

    private Report eisenbergNoe(ExposureNetwork network, Map<Integer, Double> shock) {
        double[] e = network.requireColumn(ExposureNetwork.EXTERNAL_ASSETS, "--method eisenberg-noe");
        shock.forEach((i, f) -> e[i] *= 1.0 - f);
        ClearingResult r = EisenbergNoe.clear(network.liabilities(), e);
        double[] p = r.payments();
        double[] pBar = r.totalLiabilities();
        double[] recovery = r.recoveryRate();
        double[] equity = r.equity();
        int[] round = r.defaultRound();
        ResultTable table = new ResultTable(List.of(Column.text("node"), new Column("external_assets", "%.2f"),
                new Column("total_liabilities", "%.2f"), new Column("payment", "%.2f"),
                new Column("recovery_rate", "%.4f"), new Column("equity", "%.2f"), Column.text("defaults"),
                Column.text("default_round")));
        for (int i = 0; i < r.size(); i++) {
            table.addRow(network.nodes().get(i), e[i], pBar[i], p[i], recovery[i], equity[i],
                    r.defaults(i) ? "yes" : "no", round[i]);
        }
        long fundamental = Arrays.stream(round).filter(k -> k == 1).count();
        String title = String.format(Locale.ROOT, "Eisenberg-Noe clearing on %s: %d nodes", exposuresFile, r.size());
        List<String> summary = new ArrayList<>();
        if (!shock.isEmpty()) {
            summary.add("Shock (fraction of external assets lost): " + describe(network, shock));
        }
        summary.add(String.format(Locale.ROOT,
                "Defaults: %d of %d (%d fundamental in round 1, %d by contagion); total shortfall: %.2f; rounds: %d",
                r.defaultCount(), r.size(), fundamental, r.defaultCount() - fundamental, r.totalShortfall(),
                r.rounds()));
        return new Report(title, table, summary);
    }

    private static String describe(ExposureNetwork network, Map<Integer, Double> shock) {
        return shock.entrySet().stream()
                .map(s -> network.nodes().get(s.getKey()) + "=" + s.getValue())
                .collect(Collectors.joining(", "));
    }

    /** 1 = largest value; ties share the better rank. */
    private static int[] ranks(double[] values) {
        int[] rank = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            rank[i] = 1;
            for (double other : values) {
                if (other > values[i]) {
                    rank[i]++;
                }
            }
        }
        return rank;
    }

    private void writeCsv(ResultTable table) {
        try {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            AtomicFiles.writeString(out, table.toCsv());
        } catch (IOException e) {
            String reason;
            if (e instanceof NoSuchFileException) {
                reason = "no such file or directory";
            } else if (e instanceof AccessDeniedException) {
                reason = "permission denied";
            } else if (e instanceof FileSystemException fse && fse.getReason() != null) {
                reason = fse.getReason();
            } else {
                reason = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
            throw new UserInputException(out + ": cannot write output (" + reason + ")", e);
        }
    }
}

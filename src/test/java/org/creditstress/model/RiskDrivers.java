package org.creditstress.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.creditstress.model.borrower.AccountTable;
import org.creditstress.model.borrower.BorrowerTable;
import org.creditstress.model.engine.ChunkExecutor;
import org.creditstress.model.engine.SeedPlan;
import org.creditstress.run.Experiment;
import org.creditstress.scenario.LoadedScenario;
import org.creditstress.scenario.ScenarioLoader;
import org.creditstress.scenario.SegmentSpec;

/**
 * How strongly each candidate driver of default ranks the model's own outcome, the measurement
 * behind the weights of {@link org.creditstress.model.lender.ApplicationRisk} (docs/model.md,
 * "Application risk"). Not a test: run by hand,
 * {@code java -cp target/test-classes:target/classes:target/lib/* org.creditstress.model.RiskDrivers [scenario] [overrides...]}.
 *
 * <p>In each replication, at recorded months 1, 13 and 25, every honest borrower in good standing
 * (an open account, none 3+ months past due, written off or ever 3+) is a case; it is bad if any
 * of its accounts is 3+ months past due at a month end within the next 12 months. For each case:
 * the trait index {@code (z_pb - z_lit - z_sav)/sqrt(3)}, its segment's job-loss risk and income
 * volatility, whether it is unemployed, and its debt (balances owed on all its open accounts) in
 * months of permanent income. Prints each driver's AUC and a logistic regression of the outcome on
 * the standardised drivers.
 */
final class RiskDrivers {
    /** With {@code -DnewAccounts=true}: the cases are borrowers with an account opened this month, every month 1-24. */
    private static final boolean NEW_ACCOUNTS = Boolean.getBoolean("newAccounts");

    private RiskDrivers() {
    }

    public static void main(String[] args) {
        String file = args.length > 0 ? args[0] : "scenarios/baseline.yaml";
        List<String> overrides = new ArrayList<>(List.of("population.size=20000"));
        for (int k = 1; k < args.length; k++) {
            overrides.add(args[k]);
        }
        LoadedScenario s = ScenarioLoader.load(Path.of(file), overrides);
        List<SegmentSpec> segs = s.scenario().population().segments();
        List<double[]> x = new ArrayList<>();
        List<Boolean> y = new ArrayList<>();
        int reps = Integer.getInteger("reps", 2);
        for (int rep = 0; rep < reps; rep++) {
            try (ChunkExecutor executor = new ChunkExecutor(2)) {
                CreditMarket cm = new CreditMarket(s.scenario(), new SeedPlan(s.scenario().seed()).replicationSeed(rep), executor,
                        Experiment.registry(s.scenario()).metrics());
                cm.start();
                while (cm.market().month() < 0) {
                    cm.stepMonth();
                }
                int every = NEW_ACCOUNTS ? 1 : 12;
                int cohortCount = NEW_ACCOUNTS ? 24 : 3;
                int[][] cohorts = new int[cohortCount][];
                double[][][] features = new double[cohortCount][][];
                boolean[][] bad = new boolean[cohortCount][];
                for (int month = 1; month <= Math.min(36, s.scenario().horizon().months()); month++) {
                    cm.stepMonth();
                    Market m = cm.market();
                    BorrowerTable b = m.borrowers;
                    AccountTable acc = m.accounts;
                    for (int c = 0; c < cohortCount; c++) {
                        if (cohorts[c] != null && month - (1 + every * c) <= 12) {
                            for (int j = 0; j < cohorts[c].length; j++) {
                                int i = cohorts[c][j];
                                for (int a = b.firstAccount[i]; a < b.firstAccount[i + 1]; a++) {
                                    if (acc.status[a] == AccountTable.OPEN && acc.monthsPastDue[a] >= 3
                                            || acc.status[a] == AccountTable.WRITTEN_OFF) {
                                        bad[c][j] = true;
                                    }
                                }
                            }
                        }
                    }
                    if ((month - 1) % every == 0 && (month - 1) / every < cohortCount) {
                        int c = (month - 1) / every;
                        List<Integer> ids = new ArrayList<>();
                        List<double[]> f = new ArrayList<>();
                        for (int i = 0; i < b.size; i++) {
                            if (b.fraud(i) || b.strategic(i)) {
                                continue;
                            }
                            boolean open = false;
                            boolean fresh = false;
                            boolean clean = true;
                            double debt = 0;
                            double due = 0;
                            for (int a = b.firstAccount[i]; a < b.firstAccount[i + 1]; a++) {
                                if (acc.status[a] == AccountTable.OPEN) {
                                    open = true;
                                    fresh |= acc.openedMonth[a] == month;
                                    clean &= acc.monthsPastDue[a] < 3 && (acc.flags[a] & AccountTable.EVER_M3) == 0;
                                    debt += acc.statement[a] + acc.pending[a] + acc.revolving[a] + acc.pool[a] + acc.arrears[a];
                                    due += acc.schedule[a] + acc.planFee[a] + acc.arrears[a];
                                } else if (acc.status[a] == AccountTable.WRITTEN_OFF) {
                                    clean = false;
                                }
                            }
                            if (!open || !clean || NEW_ACCOUNTS && !fresh) {
                                continue;
                            }
                            SegmentSpec seg = segs.get(b.segment[i]);
                            double income = b.permanentIncome[i];
                            ids.add(i);
                            f.add(new double[] {b.trueRisk[i], seg.jobLossRelative(), seg.incomeVolatility(),
                                b.employed(i) ? 0 : 1, Math.log1p(debt / income), Math.log1p(due / income), b.segment[i],
                                b.thinFile(i) ? 1 : 0});
                        }
                        cohorts[c] = ids.stream().mapToInt(Integer::intValue).toArray();
                        features[c] = f.toArray(double[][]::new);
                        bad[c] = new boolean[cohorts[c].length];
                    }
                }
                for (int c = 0; c < cohortCount; c++) {
                    if (cohorts[c] == null) {
                        continue;
                    }
                    for (int j = 0; j < cohorts[c].length; j++) {
                        x.add(features[c][j]);
                        y.add(bad[c][j]);
                    }
                }
            }
        }
        int n = x.size();
        long bads = y.stream().filter(v -> v).count();
        System.out.printf("cases %d, bad %d (%.2f %%)%n", n, bads, 100.0 * bads / n);
        String[] names = {"traits r", "job_loss_relative", "income_volatility", "unemployed", "ln(1+debt/income)",
            "ln(1+due/income)", "segment", "thin"};
        for (int k = 0; k < names.length; k++) {
            final int kk = k;
            System.out.printf("%-20s AUC %.3f%n", names[k], auc(x.stream().mapToDouble(v -> v[kk]).toArray(), y));
        }
        for (int k = 0; k < segs.size(); k++) {
            int cases = 0;
            int b = 0;
            for (int j = 0; j < n; j++) {
                if ((int) x.get(j)[6] == k) {
                    cases++;
                    b += y.get(j) ? 1 : 0;
                }
            }
            System.out.printf("segment %-14s cases %6d bad rate %.2f %%%n", segs.get(k).name(), cases, 100.0 * b / cases);
        }
        int[] cols = {0, 1, 2, 3, 4};
        fit(x, y, cols, names);
        fit(x, y, new int[] {0, 1, 3, 4}, names);
        fit(x, y, new int[] {0, 2, 3, 4}, names);
        fit(x, y, new int[] {0, 1, 2, 3, 5}, names);
    }

    private static void fit(List<double[]> x, List<Boolean> y, int[] cols, String[] names) {
        int n = x.size();
        int p = cols.length + 1;
        double[] mean = new double[cols.length];
        double[] sd = new double[cols.length];
        for (int k = 0; k < cols.length; k++) {
            final int c = cols[k];
            mean[k] = x.stream().mapToDouble(v -> v[c]).average().orElse(0);
            final double mk = mean[k];
            sd[k] = Math.sqrt(x.stream().mapToDouble(v -> (v[c] - mk) * (v[c] - mk)).average().orElse(0));
        }
        double[] beta = new double[p];
        for (int iter = 0; iter < 25; iter++) {
            double[] grad = new double[p];
            double[][] hess = new double[p][p];
            for (int j = 0; j < n; j++) {
                double[] z = new double[p];
                z[0] = 1;
                for (int k = 0; k < cols.length; k++) {
                    z[k + 1] = (x.get(j)[cols[k]] - mean[k]) / sd[k];
                }
                double eta = 0;
                for (int k = 0; k < p; k++) {
                    eta += beta[k] * z[k];
                }
                double prob = 1 / (1 + Math.exp(-eta));
                double w = prob * (1 - prob);
                for (int k = 0; k < p; k++) {
                    grad[k] += ((y.get(j) ? 1 : 0) - prob) * z[k];
                    for (int l = 0; l < p; l++) {
                        hess[k][l] += w * z[k] * z[l];
                    }
                }
            }
            double[] step = solve(hess, grad);
            for (int k = 0; k < p; k++) {
                beta[k] += step[k];
            }
        }
        double[] linear = new double[n];
        for (int j = 0; j < n; j++) {
            double eta = 0;
            for (int k = 0; k < cols.length; k++) {
                eta += beta[k + 1] * (x.get(j)[cols[k]] - mean[k]) / sd[k];
            }
            linear[j] = eta;
        }
        StringBuilder out = new StringBuilder("logit, per sd:");
        for (int k = 0; k < cols.length; k++) {
            out.append(String.format(" %s %.3f (mean %.3f sd %.3f, per unit %.3f);", names[cols[k]], beta[k + 1], mean[k], sd[k],
                    beta[k + 1] / sd[k]));
        }
        out.append(String.format(" AUC of the fit %.3f", auc(linear, y)));
        System.out.println(out);
    }

    private static double[] solve(double[][] a, double[] b) {
        int p = b.length;
        double[][] m = new double[p][p + 1];
        for (int i = 0; i < p; i++) {
            System.arraycopy(a[i], 0, m[i], 0, p);
            m[i][p] = b[i];
        }
        for (int c = 0; c < p; c++) {
            int piv = c;
            for (int r = c + 1; r < p; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[piv][c])) {
                    piv = r;
                }
            }
            double[] t = m[c];
            m[c] = m[piv];
            m[piv] = t;
            for (int r = 0; r < p; r++) {
                if (r != c) {
                    double f = m[r][c] / m[c][c];
                    for (int k = c; k <= p; k++) {
                        m[r][k] -= f * m[c][k];
                    }
                }
            }
        }
        double[] xs = new double[p];
        for (int i = 0; i < p; i++) {
            xs[i] = m[i][p] / m[i][i];
        }
        return xs;
    }

    /** AUC by ranks (ties averaged): higher values are riskier. */
    static double auc(double[] v, List<Boolean> y) {
        int n = v.length;
        Integer[] order = new Integer[n];
        for (int j = 0; j < n; j++) {
            order[j] = j;
        }
        java.util.Arrays.sort(order, (p, q) -> Double.compare(v[p], v[q]));
        double rankSumBad = 0;
        long bads = 0;
        int j = 0;
        while (j < n) {
            int k = j;
            while (k + 1 < n && v[order[k + 1]] == v[order[j]]) {
                k++;
            }
            double rank = (j + k) / 2.0 + 1;
            for (int t = j; t <= k; t++) {
                if (y.get(order[t])) {
                    rankSumBad += rank;
                    bads++;
                }
            }
            j = k + 1;
        }
        long goods = n - bads;
        return (rankSumBad - bads * (bads + 1) / 2.0) / (bads * (double) goods);
    }
}

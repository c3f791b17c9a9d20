package org.creditstress.scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A loan tape ({@code population.book}): the book a run starts from, one CSV row per account,
 * read and checked against the scenario. The format is documented in docs/model.md, "Starting
 * from a book"; {@code creditstress export-book} writes it.
 *
 * <p>A header row names the columns (any order); lines starting with {@code #} and blank lines
 * are ignored. Borrower columns repeat on every row of the borrower and must agree; a borrower
 * with no account has one row with empty account columns. Borrowers are numbered in the order
 * they first appear. Money is in yuan, income per month.
 *
 * <p>Every problem names the tape, its line, the column and the reason
 * ({@code tape.csv:12: column lender: unknown lender 'x' ...}); all problems of a tape are
 * reported together (at most {@value #MAX_PROBLEMS}).
 */
public final class LoanTape {
    /** Account status in the tape. */
    public enum Status { OPEN, DECLINED, WRITTEN_OFF }

    /** Columns, in the order {@code export-book} writes them. */
    public static final List<String> COLUMNS = List.of(
            "borrower_id", "segment", "employed", "months_in_state", "thin_file", "income", "permanent_income", "savings",
            "credit_score", "base_score",
            "lender", "product", "status", "opened_month", "approval_score", "limit", "statement", "pending", "revolving",
            "arrears", "plan_principal", "schedule", "plan_fee", "term_left", "plans", "months_past_due", "restructured",
            "grace_left", "good_months", "ever_m3", "in_litigation");
    /** Columns a tape must have; every other column may be left out (its default is in docs/model.md). */
    public static final List<String> REQUIRED = List.of("borrower_id", "segment", "permanent_income", "savings", "lender",
            "product", "limit");
    private static final List<String> BORROWER_COLUMNS = COLUMNS.subList(0, COLUMNS.indexOf("lender"));
    private static final int MAX_PROBLEMS = 20;
    /** Money must not be negative; the model's own rounding leaves amounts down to this (yuan). */
    private static final double MONEY_MIN = -1e-6;

    /**
     * One account of the tape.
     *
     * @param line          1-based line in the tape
     * @param lender        index of the lender in the scenario
     * @param product       index of the product in the scenario
     * @param cashLoan      the product is a cash loan
     * @param openedMonth   month the account was opened (0 and below: before the run's month 1)
     * @param approvalScore the lender's score at approval (higher is riskier)
     * @param limit         credit limit or maximum loan, yuan
     * @param schedule      plan principal (line) or loan payment (cash loan) billed each cycle, yuan
     * @param planFee       plan fee billed each cycle, yuan
     * @param termLeft      bills to the last payment of any plan
     * @param ringSchedule  per bill from now (index k - 1 for entry {@code k:s:f}): schedule that stops after it
     * @param ringFee       per bill from now: plan fee that stops after it
     */
    public record Account(int line, int lender, int product, boolean cashLoan, Status status, int openedMonth, float approvalScore,
                          float limit, double statement, double pending, double revolving, double arrears, double pool,
                          double schedule, double planFee, int termLeft, float[] ringSchedule, float[] ringFee,
                          int monthsPastDue, int restructurings, int graceLeft, int goodMonths, boolean everM3, boolean inLitigation) {
    }

    /**
     * One borrower of the tape. {@code creditScore} and {@code income} are NaN when the tape leaves
     * them out (drawn, and the permanent income, at load).
     */
    public record Borrower(String id, int line, int segment, boolean employed, int monthsInState, boolean thinFile, double income,
                           double permanentIncome, double savings, double creditScore, double baseScore, List<Account> accounts) {
    }

    private final Path file;
    private final List<Borrower> borrowers;

    private LoanTape(Path file, List<Borrower> borrowers) {
        this.file = file;
        this.borrowers = List.copyOf(borrowers);
    }

    public Path file() {
        return file;
    }

    public List<Borrower> borrowers() {
        return borrowers;
    }

    /** Account slots per borrower for scenario {@code s}: one per lender and product, at most {@code slots_per_borrower}. */
    public static int slots(Scenario s) {
        int products = 0;
        for (LenderSpec l : s.lenders()) {
            products += l.products().size();
        }
        return Math.max(1, Math.min(s.population().accounts().slotsPerBorrower(), products));
    }

    /** Ring length of scenario {@code s}'s account table: the longest plan or loan term of any product, plus one. */
    public static int ringLength(Scenario s) {
        int longest = 1;
        for (ProductSpec p : s.products()) {
            longest = Math.max(longest, p.longestTerm());
        }
        return longest + 1;
    }

    /** Reads the tape of a scenario whose {@code population.book} is an absolute path (as the loader leaves it). */
    public static LoanTape of(Scenario s) {
        return read(Path.of(s.population().book()), s.population().book(), s);
    }

    /**
     * Reads and checks a tape against scenario {@code s}.
     *
     * @param file  the tape
     * @param shown how problems name the file
     * @throws ScenarioException with every problem found (at most {@value #MAX_PROBLEMS})
     */
    public static LoanTape read(Path file, String shown, Scenario s) {
        String text;
        try {
            text = InputFiles.readText(file);
        } catch (InputFiles.Unreadable e) {
            throw new ScenarioException(new ScenarioProblem(shown, e.line(), "", e.getMessage()));
        }
        return new Reader(shown, s).read(file, text);
    }

    /** Parses one tape; collects problems. */
    private static final class Reader {
        private final String shown;
        private final Scenario s;
        private final int slots;
        private final int ring;
        private final List<ScenarioProblem> problems = new ArrayList<>();
        private Map<String, Integer> index;
        private String[] cells;
        private int line;

        Reader(String shown, Scenario s) {
            this.shown = shown;
            this.s = s;
            this.slots = slots(s);
            this.ring = ringLength(s);
        }

        LoanTape read(Path file, String text) {
            String[] lines = text.split("\r?\n", -1);
            Map<String, Integer> order = new LinkedHashMap<>();
            List<String> firstRow = new ArrayList<>();
            List<List<Account>> accounts = new ArrayList<>();
            List<Borrower> heads = new ArrayList<>();
            List<Set<Long>> held = new ArrayList<>();
            for (int n = 0; n < lines.length && problems.size() < MAX_PROBLEMS; n++) {
                String raw = lines[n];
                line = n + 1;
                if (raw.isBlank() || raw.startsWith("#")) {
                    continue;
                }
                cells = raw.split(",", -1);
                if (index == null) {
                    if (!header()) {
                        break;
                    }
                    continue;
                }
                if (cells.length != index.size()) {
                    problem("", "has " + cells.length + " cells, the header has " + index.size() + " columns");
                    continue;
                }
                String id = cell("borrower_id");
                if (id.isEmpty()) {
                    problem("borrower_id", "is empty");
                    continue;
                }
                Integer b = order.get(id);
                String borrowerCells = borrowerCells();
                if (b == null) {
                    Borrower head = borrower(id);
                    if (head == null) {
                        continue;
                    }
                    b = order.size();
                    order.put(id, b);
                    heads.add(head);
                    firstRow.add(borrowerCells);
                    accounts.add(new ArrayList<>());
                    held.add(new HashSet<>());
                } else if (!borrowerCells.equals(firstRow.get(b))) {
                    problem(differingColumn(firstRow.get(b)), "borrower " + id + " differs from its first row (line "
                            + heads.get(b).line() + "); a borrower's columns must repeat unchanged on each of its rows");
                    continue;
                }
                if (cell("lender").isEmpty() && cell("product").isEmpty()) {
                    continue;
                }
                Account a = account();
                if (a == null) {
                    continue;
                }
                if (!held.get(b).add(((long) a.lender() << 32) | a.product())) {
                    problem("product", "borrower " + id + " has two " + s.products().get(a.product()).id() + " accounts at lender "
                            + s.lenders().get(a.lender()).name() + "; a borrower holds at most one account per lender and product");
                    continue;
                }
                if (accounts.get(b).size() >= slots) {
                    problem("lender", "borrower " + id + " has more than " + slots + " accounts, the scenario's account slots per "
                            + "borrower (population.accounts.slots_per_borrower, at most one per lender and product)");
                    continue;
                }
                accounts.get(b).add(a);
            }
            if (index == null && problems.isEmpty()) {
                line = 0;
                problem("", "has no header row");
            }
            if (problems.isEmpty() && heads.isEmpty()) {
                line = 0;
                problem("", "has no borrowers");
            }
            if (!problems.isEmpty()) {
                throw new ScenarioException(problems);
            }
            List<Borrower> out = new ArrayList<>(heads.size());
            for (int b = 0; b < heads.size(); b++) {
                Borrower h = heads.get(b);
                out.add(new Borrower(h.id(), h.line(), h.segment(), h.employed(), h.monthsInState(), h.thinFile(), h.income(),
                        h.permanentIncome(), h.savings(), h.creditScore(), h.baseScore(), List.copyOf(accounts.get(b))));
            }
            return new LoanTape(file, out);
        }

        private boolean header() {
            index = new HashMap<>();
            for (int j = 0; j < cells.length; j++) {
                String name = cells[j].trim();
                if (!COLUMNS.contains(name)) {
                    problem(name, "unknown column; the columns are " + String.join(", ", COLUMNS));
                } else if (index.put(name, j) != null) {
                    problem(name, "appears twice in the header");
                }
            }
            for (String name : REQUIRED) {
                if (!index.containsKey(name)) {
                    problem(name, "missing column (required: " + String.join(", ", REQUIRED) + ")");
                }
            }
            return problems.isEmpty();
        }

        private String borrowerCells() {
            StringBuilder sb = new StringBuilder();
            for (String c : BORROWER_COLUMNS) {
                sb.append(cell(c)).append(',');
            }
            return sb.toString();
        }

        private String differingColumn(String first) {
            String[] was = first.split(",", -1);
            for (int j = 0; j < BORROWER_COLUMNS.size(); j++) {
                if (!was[j].equals(cell(BORROWER_COLUMNS.get(j)))) {
                    return BORROWER_COLUMNS.get(j);
                }
            }
            return "borrower_id";
        }

        private Borrower borrower(String id) {
            int before = problems.size();
            String seg = cell("segment");
            int segment = -1;
            for (int k = 0; k < s.population().segments().size(); k++) {
                if (s.population().segments().get(k).name().equals(seg)) {
                    segment = k;
                }
            }
            if (segment < 0) {
                problem("segment", "unknown segment '" + seg + "'; the scenario's segments are "
                        + String.join(", ", s.population().segments().stream().map(SegmentSpec::name).toList()));
            }
            boolean employed = flag("employed", true);
            int monthsInState = integer("months_in_state", 0, 0, Short.MAX_VALUE);
            boolean thin = flag("thin_file", false);
            double permanent = single("permanent_income", Double.NaN, Double.MIN_VALUE, 1e9);
            double income = single("income", Double.NaN, 0, 1e9);
            double savings = number("savings", Double.NaN, MONEY_MIN, 1e12);
            double score = single("credit_score", Double.NaN, 300, 850);
            double base = single("base_score", score, 300, 850);
            if (Double.isNaN(base) && !Double.isNaN(score)) {
                base = score;
            }
            if (!Double.isNaN(base) && Double.isNaN(score)) {
                problem("base_score", "needs credit_score (base_score without credit_score cannot be drawn around)");
            }
            if (problems.size() > before) {
                return null;
            }
            return new Borrower(id, line, segment, employed, monthsInState, thin, income, permanent, savings, score, base, List.of());
        }

        private Account account() {
            int before = problems.size();
            String lenderName = cell("lender");
            int lender = -1;
            for (int l = 0; l < s.lenders().size(); l++) {
                if (s.lenders().get(l).name().equals(lenderName)) {
                    lender = l;
                }
            }
            if (lender < 0) {
                problem("lender", "unknown lender '" + lenderName + "'; the scenario's lenders are "
                        + String.join(", ", s.lenders().stream().map(LenderSpec::name).toList()));
                return null;
            }
            String productId = cell("product");
            if (!s.lenders().get(lender).products().contains(productId)) {
                problem("product", "lender " + lenderName + " offers no product '" + productId + "'; it offers "
                        + String.join(", ", s.lenders().get(lender).products()));
                return null;
            }
            int product = s.productIndex(productId);
            boolean cashLoan = s.product(productId).kind() == ProductKind.CASH_LOAN;
            Status status = status();
            int opened = integer("opened_month", status == Status.OPEN ? 0 : Short.MIN_VALUE, Short.MIN_VALUE + 1, 600);
            double approval = single("approval_score", 0.0, -1e6, 1e6);
            double limit = single("limit", Double.NaN, 0, 1e9);
            double statement = number("statement", 0.0, MONEY_MIN, 1e12);
            double pending = number("pending", 0.0, MONEY_MIN, 1e12);
            double revolving = number("revolving", 0.0, MONEY_MIN, 1e12);
            double arrears = number("arrears", 0.0, MONEY_MIN, 1e12);
            double pool = number("plan_principal", 0.0, MONEY_MIN, 1e12);
            int termLeft = integer("term_left", -1, 0, Byte.MAX_VALUE);
            float[] ringS = new float[ring];
            float[] ringF = new float[ring];
            int lastBill = plans(ringS, ringF);
            double schedule = number("schedule", Double.NaN, MONEY_MIN, 1e12);
            double fee = number("plan_fee", Double.NaN, MONEY_MIN, 1e12);
            if (Double.isNaN(schedule) || Double.isNaN(fee)) {
                // Left out: the plans open now, the sum of every entry's amounts.
                double sumS = 0;
                double sumF = 0;
                for (int k = 0; k < ring; k++) {
                    sumS += ringS[k];
                    sumF += ringF[k];
                }
                schedule = Double.isNaN(schedule) ? Math.max(0.0, sumS) : schedule;
                fee = Double.isNaN(fee) ? Math.max(0.0, sumF) : fee;
            }
            if (termLeft < 0) {
                termLeft = lastBill;
            } else if (lastBill > termLeft) {
                problem("plans", "an entry stops after bill " + lastBill + ", after term_left (" + termLeft + ")");
            }
            int mpd = integer("months_past_due", 0, 0, Byte.MAX_VALUE);
            int restructured = integer("restructured", 0, 0, Byte.MAX_VALUE);
            int grace = integer("grace_left", 0, 0, Byte.MAX_VALUE);
            int good = integer("good_months", 0, 0, Byte.MAX_VALUE);
            boolean everM3 = flag("ever_m3", mpd >= 3);
            boolean sued = flag("in_litigation", false);
            if (problems.size() > before) {
                return null;
            }
            if (status != Status.OPEN) {
                if (statement + pending + revolving + arrears + pool > 0 || schedule > 0 || termLeft > 0) {
                    problem("status", "a " + status.name().toLowerCase(Locale.ROOT) + " account owes nothing in a book: its "
                            + "balances and plans must be 0");
                    return null;
                }
            }
            if (pool > 0 && termLeft == 0) {
                problem("term_left", "plan_principal " + pool + " needs plans to repay it (term_left is 0)");
                return null;
            }
            return new Account(line, lender, product, cashLoan, status, opened, (float) approval, (float) limit, statement, pending,
                    revolving, arrears, pool, schedule, fee, termLeft, ringS, ringF, mpd, restructured, grace, good, everM3, sued);
        }

        private Status status() {
            String v = cell("status");
            return switch (v) {
                case "", "open" -> Status.OPEN;
                case "declined" -> Status.DECLINED;
                case "written_off" -> Status.WRITTEN_OFF;
                default -> {
                    problem("status", "must be open, declined or written_off, got '" + v + "'");
                    yield Status.OPEN;
                }
            };
        }

        /** Reads {@code plans} into the rings; returns the last bill an entry stops after (0 if none). */
        private int plans(float[] ringS, float[] ringF) {
            String v = cell("plans");
            if (v.isEmpty()) {
                return 0;
            }
            int last = 0;
            for (String entry : v.split(";", -1)) {
                String[] p = entry.split(":", -1);
                int k;
                float amount;
                float fee;
                try {
                    if (p.length != 3) {
                        throw new NumberFormatException();
                    }
                    k = Integer.parseInt(p[0].trim());
                    amount = Float.parseFloat(p[1].trim());
                    fee = Float.parseFloat(p[2].trim());
                } catch (NumberFormatException e) {
                    problem("plans", "entry '" + entry + "' is not bills:principal:fee (e.g. 3:250.0:12.5; entries separated by ';')");
                    return last;
                }
                if (k < 1 || k > ring) {
                    problem("plans", "entry '" + entry + "': bills must be 1.." + ring + " (the longest term of any product, plus one)");
                    return last;
                }
                if (!Float.isFinite(amount) || !Float.isFinite(fee)) {
                    problem("plans", "entry '" + entry + "': amounts must be finite");
                    return last;
                }
                if (ringS[k - 1] != 0f || ringF[k - 1] != 0f) {
                    problem("plans", "entry '" + entry + "': two entries stop after bill " + k + "; add them into one");
                    return last;
                }
                ringS[k - 1] = amount;
                ringF[k - 1] = fee;
                last = Math.max(last, k);
            }
            return last;
        }

        private String cell(String column) {
            Integer j = index.get(column);
            return j == null || j >= cells.length ? "" : cells[j].trim();
        }

        private double number(String column, double dflt, double min, double max) {
            String v = cell(column);
            if (v.isEmpty()) {
                if (Double.isNaN(dflt) && REQUIRED.contains(column)) {
                    problem(column, "is empty; a number is required");
                }
                return dflt;
            }
            double x;
            try {
                x = Double.parseDouble(v);
            } catch (NumberFormatException e) {
                problem(column, "not a number: '" + v + "'");
                return dflt;
            }
            if (min == MONEY_MIN && !(x >= min)) {
                problem(column, "must not be negative, got " + v);
                return dflt;
            }
            if (!(x >= min && x <= max)) {
                problem(column, "must be in [" + bound(min) + ", " + bound(max) + "], got " + v);
                return dflt;
            }
            return x;
        }

        /** A number the model keeps in single precision: read as a float, so a written float reads back exactly. */
        private double single(String column, double dflt, double min, double max) {
            int before = problems.size();
            double x = number(column, dflt, min, max);
            String v = cell(column);
            return v.isEmpty() || problems.size() > before ? x : Float.parseFloat(v);
        }

        private int integer(String column, int dflt, int min, int max) {
            String v = cell(column);
            if (v.isEmpty()) {
                return dflt;
            }
            int x;
            try {
                x = Integer.parseInt(v);
            } catch (NumberFormatException e) {
                problem(column, "not a whole number: '" + v + "'");
                return dflt;
            }
            if (x < min || x > max) {
                problem(column, "must be in [" + min + ", " + max + "], got " + v);
                return dflt;
            }
            return x;
        }

        private boolean flag(String column, boolean dflt) {
            String v = cell(column);
            if (v.isEmpty()) {
                return dflt;
            }
            if (v.equals("1")) {
                return true;
            }
            if (v.equals("0")) {
                return false;
            }
            problem(column, "must be 0 or 1, got '" + v + "'");
            return dflt;
        }

        private static String bound(double x) {
            return x == Double.MIN_VALUE ? "0 (exclusive)" : x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
        }

        private void problem(String column, String reason) {
            if (problems.size() < MAX_PROBLEMS) {
                problems.add(new ScenarioProblem(shown, line, column.isEmpty() ? "" : "column " + column, reason));
            }
        }
    }
}

package org.creditstress.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.creditstress.model.Market;
import org.creditstress.model.borrower.BorrowerTable;
import org.creditstress.model.trace.BorrowerTrace;
import org.creditstress.model.trace.BorrowerTrace.AccountRecord;
import org.creditstress.model.trace.BorrowerTrace.MonthRecord;

/**
 * Tells a traced borrower's story: a line in plain words for each month something happened
 * (quiet months are summarised), and a month-by-month table.
 */
public final class TraceStory {
    private TraceStory() {
    }

    /** The story in plain words, recorded months only. */
    public static String narrative(BorrowerTrace trace, String who) {
        StringBuilder sb = new StringBuilder(who).append('\n');
        int quietFrom = -1;
        int quietTo = -1;
        for (MonthRecord m : recorded(trace)) {
            List<String> said = events(m);
            if (said.isEmpty()) {
                if (quietFrom < 0) {
                    quietFrom = m.month;
                }
                quietTo = m.month;
                continue;
            }
            quiet(sb, quietFrom, quietTo);
            quietFrom = -1;
            sb.append(month(m)).append('\n');
        }
        quiet(sb, quietFrom, quietTo);
        return sb.toString();
    }

    /**
     * Who the borrower is: segment, thin file, integrity, income, traits and lenders, as they stand
     * {@code when} ("at the end" after a run, "at the start" before one).
     */
    public static String header(Market m, org.creditstress.scenario.Scenario scenario, int i, String why, String when) {
        BorrowerTable b = m.borrowers;
        String integrity = b.fraud(i) ? "a fraudster" : b.strategic(i) ? "a strategic defaulter" : "honest";
        return String.format(Locale.ROOT,
                "The story of %s in %s: segment %s%s, %s; permanent income %.0f yuan/month %s; present bias %.2f, "
                        + "literacy %.2f; accounts or applications at %d lender(s) %s.",
                why, scenario.name(), scenario.population().segments().get(b.segment[i]).name(),
                b.thinFile(i) ? " (thin file)" : "", integrity, b.permanentIncome[i], when, b.presentBias[i], b.literacy[i],
                b.lendersHeld[i], when);
    }

    /**
     * One month of the story in plain words, as the narrative tells it: "Month 7: Lost the job; ..."
     * or, when nothing happened, "Month 7: a quiet month; every bill paid."
     */
    public static String month(MonthRecord m) {
        List<String> said = events(m);
        return said.isEmpty() ? String.format(Locale.ROOT, "Month %d: a quiet month; every bill paid.", m.month)
                : String.format(Locale.ROOT, "Month %d%s: ", m.month, m.month < 1 ? " (burn-in, before the recorded months)" : "")
                        + String.join(" ", said);
    }

    private static void quiet(StringBuilder sb, int from, int to) {
        if (from < 0) {
            return;
        }
        sb.append(from == to ? String.format(Locale.ROOT, "Month %d: a quiet month; every bill paid.%n", from)
                : String.format(Locale.ROOT, "Months %d-%d: quiet months; every bill paid.%n", from, to));
    }

    /** Burn-in months shown before month 1, so a story that starts before recording has its beginning. */
    public static final int LEAD_IN_MONTHS = 6;

    private static List<MonthRecord> recorded(BorrowerTrace trace) {
        return trace.months().stream().filter(m -> m.month > -LEAD_IN_MONTHS).toList();
    }

    private static List<String> events(MonthRecord m) {
        List<String> out = new ArrayList<>();
        if (m.jobChanged) {
            out.add(m.employed ? String.format(Locale.ROOT, "Found a job; income %.0f yuan." , m.income)
                    : String.format(Locale.ROOT, "Lost the job; income fell to %.0f yuan.", m.income));
        }
        if (m.emergency > 0) {
            out.add(String.format(Locale.ROOT, "An emergency cost %.0f yuan.", m.emergency));
        }
        if (m.loanDrawn > 0) {
            out.add(String.format(Locale.ROOT, "Drew a %.0f-yuan cash loan at %s%s.", m.loanDrawn, m.loanLender,
                    m.loanStacked ? " to pay bills at other lenders (loan stacking)" : ""));
        }
        if (m.unmetEssentials > 0.5) {
            out.add(String.format(Locale.ROOT, "Could not afford %.0f yuan of essentials.", m.unmetEssentials));
        }
        for (AccountRecord a : m.accounts) {
            String name = a.lender + " " + a.product;
            if (a.due > 0.5 && a.paid + 0.5 < a.due) {
                String now = "written off".equals(a.status) ? "written off"
                        : a.monthsPastDue == 0 ? "current" : a.monthsPastDue + " month(s) past due";
                out.add(String.format(Locale.ROOT, "Owed %.0f yuan on %s, paid %.0f; now %s.", a.due, name, a.paid, now));
            } else if (a.due > 0.5 && a.monthsPastDue == 0 && a.due > a.regularBill + 0.5) {
                out.add(String.format(Locale.ROOT, "Paid %.0f yuan on %s, clearing the arrears.", a.paid, name));
            }
            for (String e : a.events) {
                out.add(capitalise(name + ": " + e) + ".");
            }
        }
        return out;
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** The month-by-month table (one row per month and account), as CSV. */
    public static String csv(BorrowerTrace trace) {
        StringBuilder sb = new StringBuilder("month,employed,income,essentials,emergency,cash_spending,credit_spending,"
                + "unmet_essentials,loan_drawn,loan_lender,loan_stacked,savings,credit_score,lender,product,limit,due,paid,"
                + "balance,months_past_due,status,events\n");
        for (MonthRecord m : recorded(trace)) {
            for (AccountRecord a : m.accounts) {
                sb.append(String.format(Locale.ROOT, "%d,%b,%.2f,%.2f,%.2f,%.2f,%.2f,%.2f,%.2f,%s,%b,%.2f,%.0f,%s,%s,%.2f,%.2f,%.2f,%.2f,%d,%s,\"%s\"%n",
                        m.month, m.employed, m.income, m.essentials, m.emergency, m.cashSpending, m.creditSpending,
                        m.unmetEssentials, m.loanDrawn, m.loanLender == null ? "" : m.loanLender, m.loanStacked, m.savings,
                        m.creditScore, a.lender, a.product, a.limit, a.due, a.paid, a.balance, a.monthsPastDue, a.status,
                        String.join("; ", a.events).replace("\"", "'")));
            }
        }
        return sb.toString();
    }

    /** A compact fixed-width table for the terminal: one row per month, accounts side by side. */
    public static String table(BorrowerTrace trace) {
        StringBuilder sb = new StringBuilder();
        List<MonthRecord> months = recorded(trace);
        if (months.isEmpty()) {
            return "";
        }
        sb.append(String.format(Locale.ROOT, "%5s %4s %8s %8s %8s %5s", "month", "job", "income", "spent", "savings", "score"));
        for (AccountRecord a : months.get(0).accounts) {
            sb.append(String.format(Locale.ROOT, " | %-28s", a.lender + " " + a.product + " due/paid/dpd/bal"));
        }
        sb.append('\n');
        for (MonthRecord m : months) {
            sb.append(String.format(Locale.ROOT, "%5d %4s %8.0f %8.0f %8.0f %5.0f", m.month, m.employed ? "yes" : "no", m.income,
                    m.cashSpending + m.creditSpending, m.savings, m.creditScore));
            for (AccountRecord a : m.accounts) {
                sb.append(String.format(Locale.ROOT, " | %6.0f %6.0f %2d %10.0f", a.due, a.paid, a.monthsPastDue, a.balance));
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}

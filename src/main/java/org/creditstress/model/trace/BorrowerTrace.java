package org.creditstress.model.trace;

import java.util.ArrayList;
import java.util.List;

/**
 * One borrower's month-by-month story, recorded by hooks in the phases while the borrower is
 * traced (the hooks cost one comparison per borrower when tracing, nothing otherwise). Read by
 * the {@code trace} command.
 */
public final class BorrowerTrace {
    private final int borrower;
    private final List<MonthRecord> months = new ArrayList<>();
    private MonthRecord current;

    /** An account's state and events in one month. */
    public static final class AccountRecord {
        public int account;
        public String lender;
        public String product;
        public double limit;
        public double regularBill;
        public double due;
        public double paid;
        public double balance;
        public int monthsPastDue;
        public String status;
        public final List<String> events = new ArrayList<>();
    }

    /** The borrower's month. */
    public static final class MonthRecord {
        public int month;
        public boolean employed;
        public boolean jobChanged;
        public double income;
        public double essentials;
        public double emergency;
        public double cashSpending;
        public double creditSpending;
        public double unmetEssentials;
        public double loanDrawn;
        public String loanLender;
        public boolean loanStacked;
        public double savings;
        public double creditScore;
        public final List<AccountRecord> accounts = new ArrayList<>();
        public final List<String> events = new ArrayList<>();
    }

    public BorrowerTrace(int borrower) {
        this.borrower = borrower;
    }

    public int borrower() {
        return borrower;
    }

    public boolean is(int i) {
        return i == borrower;
    }

    public List<MonthRecord> months() {
        return months;
    }

    /** The record of the month in progress (created on first use each month). */
    public MonthRecord month(int month) {
        if (current == null || current.month != month) {
            current = new MonthRecord();
            current.month = month;
            months.add(current);
        }
        return current;
    }

    /** The record of account {@code a} in the month in progress. */
    public AccountRecord account(int month, int a) {
        MonthRecord m = month(month);
        for (AccountRecord r : m.accounts) {
            if (r.account == a) {
                return r;
            }
        }
        AccountRecord r = new AccountRecord();
        r.account = a;
        m.accounts.add(r);
        return r;
    }
}

package io.kontor.query.ledger;

import io.kontor.events.ledger.AccountType;
import io.kontor.query.web.CsvReport;
import io.kontor.query.web.CsvTable;
import io.kontor.shared.ErrorCode;
import io.kontor.shared.KontorException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The accountants' views of the ledger: trial balance, account ledgers and balances, income statement and balance
 * sheet. Every figure is a sum of a handful of running-total buckets read by key, so a report costs the same
 * however long the ledger grows.
 */
public class LedgerReports {

    /** Ledgers are read a day bucket per day; a longer range is refused rather than served slowly. */
    static final int MAX_LEDGER_DAYS = 3_700;
    private static final String REPORTING_CURRENCY = "DKK";

    private final Supplier<LedgerStore> live;

    public LedgerReports(LedgerStore store) {
        this(() -> store);
    }

    /** Reports on whichever generation of the view is live when each read is made (see {@link LedgerGenerations}). */
    public LedgerReports(Supplier<LedgerStore> live) {
        this.live = live;
    }

    private LedgerStore store() {
        return live.get();
    }

    public record Amounts(String currency, String debit, String credit) {
    }

    public record TrialBalanceRow(String account, String name, AccountType type, String currency, String debit,
                                  String credit) {
    }

    /** Rows show each account's net balance on its debit or credit side; per currency, debits equal credits. */
    public record TrialBalance(LocalDate asOf, List<TrialBalanceRow> rows, Amounts totals,
                               List<Amounts> otherCurrencies) implements CsvReport {

        /** A row per account; the totals are the sums of its columns per currency. */
        @Override
        public CsvTable csv() {
            CsvTable.Builder table = CsvTable.of("account", "name", "type", "currency", "debit", "credit");
            rows.forEach(r -> table.row(r.account(), r.name(), r.type(), r.currency(), r.debit(), r.credit()));
            return table.build();
        }
    }

    public record Balance(String account, String name, AccountType type, LocalDate asOf, String currency,
                          String debit, String credit, String balance) {
    }

    public record LedgerEntry(LocalDate date, String side, String amount, String runningBalance, long position,
                              String eventType, String reference, String description) {
    }

    public record AccountLedger(String account, String name, AccountType type, String currency, LocalDate from,
                                LocalDate to, String openingBalance, List<LedgerEntry> lines,
                                String closingBalance) {
    }

    public record StatementLine(String account, String name, String amount) {
    }

    public record IncomeStatement(LocalDate from, LocalDate to, String currency, List<StatementLine> revenue,
                                  String totalRevenue, List<StatementLine> expenses, String totalExpenses,
                                  String netIncome) {
    }

    public record BalanceSheet(LocalDate asOf, String currency, List<StatementLine> assets, String totalAssets,
                               List<StatementLine> liabilities, String totalLiabilities, List<StatementLine> equity,
                               String currentEarnings, String totalEquity, String totalLiabilitiesAndEquity) {
    }

    public List<LedgerStore.Account> accounts() {
        return store().accounts();
    }

    public TrialBalance trialBalance(LocalDate asOf) {
        List<LedgerStore.Account> accounts = store().accounts();
        Map<String, BigDecimal[]> totals = balancesAsOf(accounts, asOf);
        List<TrialBalanceRow> rows = new ArrayList<>();
        Map<String, BigDecimal[]> perCurrency = new LinkedHashMap<>();
        perCurrency.put(REPORTING_CURRENCY, new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO});
        for (LedgerStore.Account account : accounts) {
            BigDecimal[] dc = totals.get(account.code());
            BigDecimal net = dc[0].subtract(dc[1]);
            BigDecimal debit = net.signum() > 0 ? net : BigDecimal.ZERO;
            BigDecimal credit = net.signum() < 0 ? net.negate() : BigDecimal.ZERO;
            rows.add(new TrialBalanceRow(account.code(), account.name(), account.type(), account.currency(),
                    money(debit, account.currency()), money(credit, account.currency())));
            BigDecimal[] sum = perCurrency.computeIfAbsent(account.currency(),
                    c -> new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO});
            sum[0] = sum[0].add(debit);
            sum[1] = sum[1].add(credit);
        }
        List<Amounts> amounts = perCurrency.entrySet().stream()
                .map(e -> new Amounts(e.getKey(), money(e.getValue()[0], e.getKey()), money(e.getValue()[1], e.getKey())))
                .toList();
        return new TrialBalance(asOf, rows, amounts.get(0), amounts.subList(1, amounts.size()));
    }

    public Balance balance(String code, LocalDate asOf) {
        LedgerStore.Account account = account(code);
        BigDecimal[] dc = balancesAsOf(List.of(account), asOf).get(code);
        BigDecimal balance = account.type().debitNormal() ? dc[0].subtract(dc[1]) : dc[1].subtract(dc[0]);
        return new Balance(code, account.name(), account.type(), asOf, account.currency(),
                money(dc[0], account.currency()), money(dc[1], account.currency()), money(balance, account.currency()));
    }

    /**
     * The account's lines from {@code from} (its first posting's date when null) to {@code to} in date order (and
     * log order within a day), with the balance on the account's normal side running from the opening balance.
     */
    public AccountLedger ledger(String code, LocalDate from, LocalDate to) {
        LedgerStore.Account account = account(code);
        LocalDate end = Objects.requireNonNull(to, "to");
        LocalDate start = from;
        if (start == null) {
            Bucket all = store().totals(List.of(Bucket.all(code))).get(Bucket.all(code));
            start = all == null || all.firstDate() == null || all.firstDate().isAfter(end) ? end : all.firstDate();
        }
        checkRange(start, end);
        int sign = account.type().debitNormal() ? 1 : -1;
        BigDecimal[] opening = balancesAsOf(List.of(account), start.minusDays(1)).get(code);
        BigDecimal running = opening[0].subtract(opening[1]).multiply(BigDecimal.valueOf(sign));
        BigDecimal openingBalance = running;

        List<String> dayKeys = new ArrayList<>();
        for (LocalDate day = start; !day.isAfter(end); day = day.plusDays(1)) {
            dayKeys.add(Bucket.day(code, day));
        }
        List<LedgerLine> lines = new ArrayList<>();
        List<String> overflowKeys = new ArrayList<>();
        for (Bucket day : store().buckets(dayKeys).values()) {
            lines.addAll(day.embedded());
            LocalDate date = LocalDate.parse(day.id().substring(day.id().indexOf("|D") + 2));
            for (int i = day.embedded().size(); i < day.lines(); i++) {
                overflowKeys.add(LedgerLine.id(code, date, i));
            }
        }
        lines.addAll(store().lines(overflowKeys));
        lines.sort(Comparator.comparing(LedgerLine::date).thenComparingInt(LedgerLine::indexInDay));
        List<LedgerEntry> entries = new ArrayList<>(lines.size());
        for (LedgerLine line : lines) {
            running = running.add(line.signedAmount().multiply(BigDecimal.valueOf(sign)));
            entries.add(new LedgerEntry(line.date(), line.side().name(), money(line.amount(), line.currency()),
                    money(running, account.currency()), line.position(), line.eventType(), line.reference(),
                    line.description()));
        }
        return new AccountLedger(code, account.name(), account.type(), account.currency(), start, end,
                money(openingBalance, account.currency()), entries, money(running, account.currency()));
    }

    public IncomeStatement incomeStatement(LocalDate from, LocalDate to) {
        checkRange(from, to);
        List<LedgerStore.Account> accounts = reportingAccounts(AccountType.REVENUE, AccountType.EXPENSE);
        Map<String, BigDecimal[]> atEnd = balancesAsOf(accounts, to);
        Map<String, BigDecimal[]> beforeStart = balancesAsOf(accounts, from.minusDays(1));
        List<StatementLine> revenue = new ArrayList<>();
        List<StatementLine> expenses = new ArrayList<>();
        BigDecimal totalRevenue = BigDecimal.ZERO;
        BigDecimal totalExpenses = BigDecimal.ZERO;
        for (LedgerStore.Account account : accounts) {
            BigDecimal movement = net(atEnd.get(account.code())).subtract(net(beforeStart.get(account.code())));
            if (account.type() == AccountType.REVENUE) {
                revenue.add(new StatementLine(account.code(), account.name(), money(movement.negate(), REPORTING_CURRENCY)));
                totalRevenue = totalRevenue.add(movement.negate());
            } else {
                expenses.add(new StatementLine(account.code(), account.name(), money(movement, REPORTING_CURRENCY)));
                totalExpenses = totalExpenses.add(movement);
            }
        }
        return new IncomeStatement(from, to, REPORTING_CURRENCY, revenue, money(totalRevenue, REPORTING_CURRENCY),
                expenses, money(totalExpenses, REPORTING_CURRENCY),
                money(totalRevenue.subtract(totalExpenses), REPORTING_CURRENCY));
    }

    /** Assets = liabilities + equity, where equity includes the earnings (revenue − expenses) not yet closed out. */
    public BalanceSheet balanceSheet(LocalDate asOf) {
        List<LedgerStore.Account> accounts = reportingAccounts(AccountType.values());
        Map<String, BigDecimal[]> balances = balancesAsOf(accounts, asOf);
        Map<AccountType, List<StatementLine>> sections = new HashMap<>();
        Map<AccountType, BigDecimal> sums = new HashMap<>();
        for (AccountType type : AccountType.values()) {
            sections.put(type, new ArrayList<>());
            sums.put(type, BigDecimal.ZERO);
        }
        for (LedgerStore.Account account : accounts) {
            BigDecimal net = net(balances.get(account.code()));
            BigDecimal amount = account.type().debitNormal() ? net : net.negate();
            sections.get(account.type()).add(new StatementLine(account.code(), account.name(),
                    money(amount, REPORTING_CURRENCY)));
            sums.merge(account.type(), amount, BigDecimal::add);
        }
        BigDecimal earnings = sums.get(AccountType.REVENUE).subtract(sums.get(AccountType.EXPENSE));
        BigDecimal equity = sums.get(AccountType.EQUITY).add(earnings);
        return new BalanceSheet(asOf, REPORTING_CURRENCY,
                sections.get(AccountType.ASSET), money(sums.get(AccountType.ASSET), REPORTING_CURRENCY),
                sections.get(AccountType.LIABILITY), money(sums.get(AccountType.LIABILITY), REPORTING_CURRENCY),
                sections.get(AccountType.EQUITY), money(earnings, REPORTING_CURRENCY), money(equity, REPORTING_CURRENCY),
                money(sums.get(AccountType.LIABILITY).add(equity), REPORTING_CURRENCY));
    }

    private List<LedgerStore.Account> reportingAccounts(AccountType... types) {
        List<AccountType> wanted = List.of(types);
        return store().accounts().stream()
                .filter(a -> wanted.contains(a.type()) && a.currency().equals(REPORTING_CURRENCY))
                .toList();
    }

    private LedgerStore.Account account(String code) {
        return store().accounts().stream().filter(a -> a.code().equals(code)).findFirst()
                .orElseThrow(() -> new KontorException(ErrorCode.NOT_FOUND, "no account " + code,
                        Map.of("account", code)));
    }

    /**
     * Debit and credit totals per account, as of a date (null: all time). As of a day: the account's whole years
     * before it, whole months before it in its year, and days up to it in its month: at most 52 buckets an
     * account per decade, read in one query.
     */
    private Map<String, BigDecimal[]> balancesAsOf(List<LedgerStore.Account> accounts, LocalDate asOf) {
        List<String> allKeys = accounts.stream().map(a -> Bucket.all(a.code())).toList();
        Map<String, Bucket> alls = store().totals(allKeys);
        Map<String, List<String>> keysPerAccount = new LinkedHashMap<>();
        for (LedgerStore.Account account : accounts) {
            Bucket all = alls.get(Bucket.all(account.code()));
            if (all == null) {
                keysPerAccount.put(account.code(), List.of());
            } else if (asOf == null) {
                keysPerAccount.put(account.code(), List.of(all.id()));
            } else {
                keysPerAccount.put(account.code(), keysAsOf(account.code(), all.firstDate(), asOf));
            }
        }
        Map<String, Bucket> found = new HashMap<>(alls);
        List<String> partKeys = keysPerAccount.values().stream().flatMap(List::stream)
                .filter(k -> !alls.containsKey(k)).toList();
        found.putAll(store().totals(partKeys));
        Map<String, BigDecimal[]> result = new LinkedHashMap<>();
        keysPerAccount.forEach((code, keys) -> {
            BigDecimal[] dc = {BigDecimal.ZERO, BigDecimal.ZERO};
            for (String key : keys) {
                Optional.ofNullable(found.get(key)).ifPresent(b -> {
                    dc[0] = dc[0].add(b.debit());
                    dc[1] = dc[1].add(b.credit());
                });
            }
            result.put(code, dc);
        });
        return result;
    }

    private static List<String> keysAsOf(String code, LocalDate firstDate, LocalDate asOf) {
        List<String> keys = new ArrayList<>();
        if (firstDate == null || firstDate.isAfter(asOf)) {
            return keys;
        }
        for (int year = firstDate.getYear(); year < asOf.getYear(); year++) {
            keys.add(Bucket.year(code, year));
        }
        for (int month = 1; month < asOf.getMonthValue(); month++) {
            keys.add(Bucket.month(code, YearMonth.of(asOf.getYear(), month)));
        }
        for (int day = 1; day <= asOf.getDayOfMonth(); day++) {
            keys.add(Bucket.day(code, asOf.withDayOfMonth(day)));
        }
        return keys;
    }

    private static void checkRange(LocalDate from, LocalDate to) {
        if (from == null || to == null) {
            throw KontorException.invalidField(from == null ? "from" : "to", "a date range needs from and to");
        }
        if (to.isBefore(from)) {
            throw KontorException.invalidField("to", "the range ends (" + to + ") before it starts (" + from + ")");
        }
        if (ChronoUnit.DAYS.between(from, to) > MAX_LEDGER_DAYS) {
            throw KontorException.invalidField("from", "a range spans at most " + MAX_LEDGER_DAYS + " days");
        }
    }

    private static BigDecimal net(BigDecimal[] dc) {
        return dc[0].subtract(dc[1]);
    }

    static String money(BigDecimal amount, String currency) {
        return amount.setScale(Currency.getInstance(currency).getDefaultFractionDigits()).toPlainString();
    }
}

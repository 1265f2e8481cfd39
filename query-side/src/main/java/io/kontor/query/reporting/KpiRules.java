package io.kontor.query.reporting;

import io.kontor.events.hr.EmployeeHired;
import io.kontor.events.hr.EmployeeTerminated;
import io.kontor.events.ledger.JournalLine;
import io.kontor.events.ledger.Side;
import io.kontor.events.servicedesk.TicketOpened;
import io.kontor.events.servicedesk.TicketResolved;
import io.kontor.query.ledger.posting.Posting;
import io.kontor.query.ledger.posting.PostingRules;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What an event adds to the KPIs' daily buckets: measures per day, each a signed amount. Two sources, and the one
 * place to extend either:
 * <ul>
 *   <li>money comes from the ledger's own {@link PostingRules}: every line on a {@linkplain #TRACKED_ACCOUNTS tracked
 *   account} adds its debit-positive amount to {@link #account(String)} on the posting's date, so revenue, stock
 *   value, cost of sales, payroll cost and receivables agree with the ledger by construction, and an area that adds
 *   its posting rules (billing's invoices, credit notes, payments) shows up here with no change;</li>
 *   <li>counts come from {@link Builder#rule count rules} per event type (hires and terminations, tickets).</li>
 * </ul>
 * Dates from instants are the business's calendar days, Europe/Copenhagen.
 */
public final class KpiRules {

    /** The business's calendar, where a day of tickets begins and ends. */
    public static final ZoneId BUSINESS_ZONE = ZoneId.of("Europe/Copenhagen");
    /** Revenue 4000, stock 1200, cost of goods sold 5000, salaries 6000, receivables 1100. */
    public static final Set<String> TRACKED_ACCOUNTS = Set.of("1100", "1200", "4000", "5000", "6000");
    public static final String HEADCOUNT = "headcount";
    public static final String TICKETS_OPENED = "ticketsOpened";
    public static final String TICKETS_RESOLVED = "ticketsResolved";

    /** One event's change to one measure on one day. */
    public record Contribution(LocalDate date, String measure, BigDecimal amount) {
    }

    private final PostingRules postings;
    private final Set<String> accounts;
    private final Map<Class<?>, Function<Object, List<Contribution>>> rules;

    private KpiRules(PostingRules postings, Set<String> accounts, Map<Class<?>, Function<Object, List<Contribution>>> rules) {
        this.postings = postings;
        this.accounts = Set.copyOf(accounts);
        this.rules = Collections.unmodifiableMap(new LinkedHashMap<>(rules));
    }

    /** Kontor's KPI sources: the tracked accounts, headcount from HR, tickets from the service desk. */
    public static KpiRules standard(PostingRules postings) {
        return new Builder(postings, TRACKED_ACCOUNTS)
                .rule(EmployeeHired.class, e -> List.of(one(e.startDate(), HEADCOUNT, 1)))
                // Employed through the last day: the headcount drops the day after.
                .rule(EmployeeTerminated.class, e -> List.of(one(e.lastDay().plusDays(1), HEADCOUNT, -1)))
                .rule(TicketOpened.class, e -> List.of(one(day(e.at()), TICKETS_OPENED, 1)))
                .rule(TicketResolved.class, e -> List.of(one(day(e.at()), TICKETS_RESOLVED, 1)))
                .build();
    }

    /** The measure that holds the daily debit-positive movement of a tracked account. */
    public static String account(String code) {
        return "account-" + code;
    }

    public static Contribution one(LocalDate date, String measure, long amount) {
        return new Contribution(date, measure, BigDecimal.valueOf(amount));
    }

    public static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, BUSINESS_ZONE);
    }

    /** Everything the event adds to the daily buckets, possibly nothing. */
    public List<Contribution> contributionsOf(Object event) {
        List<Contribution> result = new ArrayList<>();
        Function<Object, List<Contribution>> rule = rules.get(event.getClass());
        if (rule != null) {
            result.addAll(rule.apply(event));
        }
        postings.postingFor(event).ifPresent(posting -> addLines(posting, result));
        return result;
    }

    private void addLines(Posting posting, List<Contribution> result) {
        for (JournalLine line : posting.lines()) {
            if (accounts.contains(line.account())) {
                BigDecimal amount = line.amount().amount();
                result.add(new Contribution(posting.date(), account(line.account()),
                        line.side() == Side.DEBIT ? amount : amount.negate()));
            }
        }
    }

    /** Collects count rules on top of the ledger's posting rules; one rule per event type. */
    public static final class Builder {
        private final PostingRules postings;
        private final Set<String> accounts;
        private final Map<Class<?>, Function<Object, List<Contribution>>> rules = new LinkedHashMap<>();

        public Builder(PostingRules postings, Set<String> accounts) {
            this.postings = postings;
            this.accounts = accounts;
        }

        @SuppressWarnings("unchecked")
        public <E> Builder rule(Class<E> type, Function<? super E, List<Contribution>> rule) {
            if (rules.putIfAbsent(type, (Function<Object, List<Contribution>>) rule) != null) {
                throw new IllegalStateException("two KPI rules for " + type.getName());
            }
            return this;
        }

        public KpiRules build() {
            return new KpiRules(postings, accounts, rules);
        }
    }
}

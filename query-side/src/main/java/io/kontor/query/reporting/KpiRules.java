package io.kontor.query.reporting;

import io.kontor.events.billing.InvoiceIssued;
import io.kontor.events.billing.PaymentMethod;
import io.kontor.events.billing.PaymentReceived;
import io.kontor.events.hr.EmployeeHired;
import io.kontor.events.hr.EmployeeTerminated;
import io.kontor.events.ledger.JournalLine;
import io.kontor.events.ledger.Side;
import io.kontor.events.reception.VisitorCheckedIn;
import io.kontor.events.reservations.ReservationCancelled;
import io.kontor.events.reservations.ReservationMade;
import io.kontor.events.reservations.ResourceKind;
import io.kontor.events.reservations.ResourceRegistered;
import io.kontor.events.servicedesk.TicketOpened;
import io.kontor.events.servicedesk.TicketResolved;
import io.kontor.query.frontdesk.FrontDesk;
import io.kontor.query.ledger.posting.Posting;
import io.kontor.query.ledger.posting.PostingRules;

import java.math.BigDecimal;
import java.time.Duration;
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
 *   <li>counts and front-office figures come from {@link Builder#rule rules} per event type (hires and terminations,
 *   tickets, invoices and payments, visitors, reserved time). A rule sees the event, the time it was appended and
 *   the view's {@link Facts}: what earlier events told it that a later one does not repeat (a reservation names its
 *   resource, not the resource's kind).</li>
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
    public static final String INVOICES_ISSUED = "invoicesIssued";
    public static final String INVOICED_GROSS = "invoicedGross";
    public static final String PAYMENTS_RECEIVED = "paymentsReceived";
    public static final String VISITORS = "visitors";

    /** Facts a rule keeps from one event for later ones, stored with the view (a rebuild starts without any). */
    public interface Facts {

        /** The value stored under {@code key}, or null. */
        String get(String key);

        void put(String key, String value);
    }

    /** What an event adds, from the event, the time it was appended and the facts kept so far. */
    @FunctionalInterface
    public interface Rule<E> {
        List<Contribution> apply(E event, Instant at, Facts facts);
    }

    /** One event's change to one measure on one day. */
    public record Contribution(LocalDate date, String measure, BigDecimal amount) {
    }

    private final PostingRules postings;
    private final Set<String> accounts;
    private final Map<Class<?>, Rule<Object>> rules;

    private KpiRules(PostingRules postings, Set<String> accounts, Map<Class<?>, Rule<Object>> rules) {
        this.postings = postings;
        this.accounts = Set.copyOf(accounts);
        this.rules = Collections.unmodifiableMap(new LinkedHashMap<>(rules));
    }

    /**
     * Kontor's KPI sources: the tracked accounts, headcount from HR, tickets from the service desk, invoices,
     * payments, visitors and reserved time from the front office.
     */
    public static KpiRules standard(PostingRules postings) {
        return new Builder(postings, TRACKED_ACCOUNTS)
                .rule(EmployeeHired.class, e -> List.of(one(e.startDate(), HEADCOUNT, 1)))
                // Employed through the last day: the headcount drops the day after.
                .rule(EmployeeTerminated.class, e -> List.of(one(e.lastDay().plusDays(1), HEADCOUNT, -1)))
                .rule(TicketOpened.class, e -> List.of(one(day(e.at()), TICKETS_OPENED, 1)))
                .rule(TicketResolved.class, e -> List.of(one(day(e.at()), TICKETS_RESOLVED, 1)))
                .rule(InvoiceIssued.class, e -> List.of(one(e.date(), INVOICES_ISSUED, 1),
                        new Contribution(e.date(), INVOICED_GROSS, e.gross().amount())))
                .rule(PaymentReceived.class, e -> List.of(
                        new Contribution(e.date(), PAYMENTS_RECEIVED, e.amount().amount()),
                        new Contribution(e.date(), payments(e.method()), e.amount().amount())))
                // Checked in on the day in Denmark when the desk recorded it.
                .rule(VisitorCheckedIn.class, (e, at, facts) -> List.of(one(day(at), VISITORS, 1)))
                // Available from the day it was registered; reservations find its kind here.
                .rule(ResourceRegistered.class, (e, at, facts) -> {
                    facts.put(kindKey(e.resourceId()), e.kind().name());
                    return List.of(one(day(at), resources(e.kind()), 1));
                })
                .rule(ReservationMade.class, (e, at, facts) -> reserved(facts, e.resourceId(), e.from(), e.to(), 1))
                // Checked-out reservations keep their slot, as the desk's occupancy of a day counts them.
                .rule(ReservationCancelled.class,
                        (e, at, facts) -> reserved(facts, e.resourceId(), e.from(), e.to(), -1))
                .build();
    }

    /** The measure of payments received by one method. */
    public static String payments(PaymentMethod method) {
        return PAYMENTS_RECEIVED + "-" + method.name();
    }

    /** The level of registered resources of a kind (from each one's registration day). */
    public static String resources(ResourceKind kind) {
        return "resources-" + kind.name();
    }

    /** The seconds of a day reserved on resources of a kind, reservations not cancelled. */
    public static String reservedSeconds(ResourceKind kind) {
        return "reservedSeconds-" + kind.name();
    }

    private static String kindKey(String resourceId) {
        return "resourceKind|" + resourceId;
    }

    /** The slot's seconds on each day in Denmark it touches, signed, under its resource's kind. */
    private static List<Contribution> reserved(Facts facts, String resourceId, Instant from, Instant to, int sign) {
        String kind = facts.get(kindKey(resourceId));
        if (kind == null) {
            return List.of();
        }
        String measure = reservedSeconds(ResourceKind.valueOf(kind));
        List<Contribution> result = new ArrayList<>();
        for (LocalDate date = FrontDesk.dayOf(from); FrontDesk.startOf(date).isBefore(to); date = date.plusDays(1)) {
            Instant start = max(from, FrontDesk.startOf(date));
            Instant end = min(to, FrontDesk.startOf(date.plusDays(1)));
            result.add(one(date, measure, sign * Duration.between(start, end).toSeconds()));
        }
        return result;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
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

    /** Everything the event, appended {@code at}, adds to the daily buckets, possibly nothing. */
    public List<Contribution> contributionsOf(Object event, Instant at, Facts facts) {
        List<Contribution> result = new ArrayList<>();
        Rule<Object> rule = rules.get(event.getClass());
        if (rule != null) {
            result.addAll(rule.apply(event, at, facts));
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

    /** Collects rules on top of the ledger's posting rules; one rule per event type. */
    public static final class Builder {
        private final PostingRules postings;
        private final Set<String> accounts;
        private final Map<Class<?>, Rule<Object>> rules = new LinkedHashMap<>();

        public Builder(PostingRules postings, Set<String> accounts) {
            this.postings = postings;
            this.accounts = accounts;
        }

        /** A rule that needs the event alone. */
        public <E> Builder rule(Class<E> type, Function<? super E, List<Contribution>> rule) {
            return rule(type, (Rule<E>) (event, at, facts) -> rule.apply(event));
        }

        @SuppressWarnings("unchecked")
        public <E> Builder rule(Class<E> type, Rule<? super E> rule) {
            if (rules.putIfAbsent(type, (Rule<Object>) rule) != null) {
                throw new IllegalStateException("two KPI rules for " + type.getName());
            }
            return this;
        }

        public KpiRules build() {
            return new KpiRules(postings, accounts, rules);
        }
    }
}

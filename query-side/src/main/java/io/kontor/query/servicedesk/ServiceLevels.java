package io.kontor.query.servicedesk;

import io.kontor.events.servicedesk.TicketPriority;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The service-level report at an instant, from the tickets alone (a pure function, so it is tested with fixed
 * times). A ticket is breached when it is open at or after its breach time (opened-at plus its priority's service
 * level; reopening does not restart the clock). It is about to breach when it is open and its breach time is at most
 * a quarter of its service level away: P1 1 hour, P2 2, P3 6, P4 18. Times to first response and to resolution are
 * averaged per priority in whole minutes over the tickets that have one.
 */
public final class ServiceLevels {

    private ServiceLevels() {
    }

    /** An open ticket's age and how long until (negative: since) its breach. */
    public record OpenTicket(String id, String priority, String title, String reporter, String assignee,
                             String openedAt, String breachAt, long ageMinutes, long minutesToBreach) {
    }

    public record PriorityLine(String priority, long serviceLevelHours, long warningMinutes, int open, int breached,
                               int aboutToBreach, int responded, Long averageFirstResponseMinutes, int resolved,
                               Long averageResolutionMinutes, int resolvedWithinServiceLevel,
                               List<OpenTicket> openTickets) {
    }

    public record Report(String at, List<PriorityLine> priorities, List<OpenTicket> breached,
                         List<OpenTicket> aboutToBreach) {
    }

    /** The warning window before a breach: a quarter of the service level. */
    public static Duration warning(TicketPriority priority) {
        return priority.serviceLevel().dividedBy(4);
    }

    public static Report at(Instant at, List<TicketView> tickets) {
        List<PriorityLine> lines = new ArrayList<>();
        List<OpenTicket> breached = new ArrayList<>();
        List<OpenTicket> aboutToBreach = new ArrayList<>();
        for (TicketPriority priority : TicketPriority.values()) {
            List<TicketView> mine = tickets.stream().filter(t -> t.priority().equals(priority.name())).toList();
            List<OpenTicket> open = new ArrayList<>();
            int breachedHere = 0;
            int warnedHere = 0;
            for (TicketView ticket : mine) {
                if (!ticket.open()) {
                    continue;
                }
                OpenTicket line = openTicket(ticket, at);
                open.add(line);
                if (!at.isBefore(ticket.breachAt())) {
                    breached.add(line);
                    breachedHere++;
                } else if (Duration.between(at, ticket.breachAt()).compareTo(warning(priority)) <= 0) {
                    aboutToBreach.add(line);
                    warnedHere++;
                }
            }
            open.sort(Comparator.comparingLong(OpenTicket::ageMinutes).reversed().thenComparing(OpenTicket::id));
            List<TicketView> responded = filter(mine, t -> t.firstResponseAt() != null);
            List<TicketView> resolved = filter(mine, t -> !t.open() && t.resolvedAt() != null);
            int inTime = (int) resolved.stream().filter(t -> !t.resolvedAt().isAfter(t.breachAt())).count();
            lines.add(new PriorityLine(priority.name(), priority.serviceLevel().toHours(),
                    warning(priority).toMinutes(), open.size(), breachedHere, warnedHere, responded.size(),
                    averageMinutes(responded, TicketView::firstResponseAt), resolved.size(),
                    averageMinutes(resolved, TicketView::resolvedAt),
                    inTime, open));
        }
        Comparator<OpenTicket> soonest = Comparator.comparingLong(OpenTicket::minutesToBreach)
                .thenComparing(OpenTicket::id);
        breached.sort(soonest);
        aboutToBreach.sort(soonest);
        return new Report(at.toString(), lines, breached, aboutToBreach);
    }

    private static OpenTicket openTicket(TicketView t, Instant at) {
        return new OpenTicket(t.id(), t.priority(), t.title(), t.reporter(), t.assignee(), t.openedAt().toString(),
                t.breachAt().toString(), minutes(t.openedAt(), at), Duration.between(at, t.breachAt()).toMinutes());
    }

    private static List<TicketView> filter(List<TicketView> tickets, Predicate<TicketView> which) {
        return tickets.stream().filter(which).toList();
    }

    private static long minutes(Instant from, Instant to) {
        return Duration.between(from, to).toMinutes();
    }

    /** The average from opening to {@code end} in whole minutes, or null when there is no ticket to average. */
    private static Long averageMinutes(List<TicketView> tickets, Function<TicketView, Instant> end) {
        OptionalDouble average = tickets.stream().mapToLong(t -> minutes(t.openedAt(), end.apply(t))).average();
        return average.isPresent() ? Math.round(average.getAsDouble()) : null;
    }
}

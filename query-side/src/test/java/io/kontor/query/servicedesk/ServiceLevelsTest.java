package io.kontor.query.servicedesk;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceLevelsTest {

    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    private static TicketView open(String id, String priority, Duration age, Duration serviceLevel) {
        Instant opened = NOW.minus(age);
        return new TicketView(id, "frontdesk", "OTHER", priority, "t", "d", "OPEN", null, opened,
                opened.plus(serviceLevel), null, null, null, 0, List.of());
    }

    private static TicketView resolved(String id, String priority, Duration response, Duration resolution,
                                       Duration serviceLevel) {
        Instant opened = NOW.minus(Duration.ofDays(1));
        return new TicketView(id, "frontdesk", "OTHER", priority, "t", "d", "RESOLVED", "bob", opened,
                opened.plus(serviceLevel), opened.plus(response), opened.plus(resolution), "done", 0, List.of());
    }

    private static ServiceLevels.PriorityLine line(ServiceLevels.Report report, String priority) {
        return report.priorities().stream().filter(l -> l.priority().equals(priority)).findFirst().orElseThrow();
    }

    @Test
    void anOpenTicketPastItsBreachTimeIsBreachedAndOneWithinAQuarterOfItsLevelIsAboutToBreach() {
        List<TicketView> tickets = List.of(
                open("p1-late", "P1", Duration.ofHours(4), Duration.ofHours(4)),
                open("p1-soon", "P1", Duration.ofMinutes(3 * 60 + 1), Duration.ofHours(4)),
                open("p1-fine", "P1", Duration.ofMinutes(2 * 60 + 59), Duration.ofHours(4)),
                open("p4-soon", "P4", Duration.ofHours(55), Duration.ofHours(72)),
                open("p4-fine", "P4", Duration.ofHours(53), Duration.ofHours(72)));

        ServiceLevels.Report report = ServiceLevels.at(NOW, tickets);

        assertThat(report.breached()).extracting(ServiceLevels.OpenTicket::id).containsExactly("p1-late");
        assertThat(report.aboutToBreach()).extracting(ServiceLevels.OpenTicket::id)
                .containsExactly("p1-soon", "p4-soon");
        ServiceLevels.PriorityLine p1 = line(report, "P1");
        assertThat(p1.open()).isEqualTo(3);
        assertThat(p1.breached()).isEqualTo(1);
        assertThat(p1.aboutToBreach()).isEqualTo(1);
        assertThat(p1.warningMinutes()).isEqualTo(60);
        assertThat(p1.openTickets()).extracting(ServiceLevels.OpenTicket::id)
                .as("oldest first").containsExactly("p1-late", "p1-soon", "p1-fine");
        assertThat(line(report, "P4").warningMinutes()).isEqualTo(18 * 60);
    }

    @Test
    void timesToFirstResponseAndResolutionAreAveragedPerPriority() {
        List<TicketView> tickets = List.of(
                resolved("a", "P2", Duration.ofMinutes(10), Duration.ofHours(2), Duration.ofHours(8)),
                resolved("b", "P2", Duration.ofMinutes(30), Duration.ofHours(10), Duration.ofHours(8)),
                open("c", "P2", Duration.ofHours(1), Duration.ofHours(8)));

        ServiceLevels.PriorityLine p2 = line(ServiceLevels.at(NOW, tickets), "P2");

        assertThat(p2.responded()).isEqualTo(2);
        assertThat(p2.averageFirstResponseMinutes()).isEqualTo(20);
        assertThat(p2.resolved()).isEqualTo(2);
        assertThat(p2.averageResolutionMinutes()).isEqualTo(6 * 60);
        assertThat(p2.resolvedWithinServiceLevel()).isEqualTo(1);
        assertThat(line(ServiceLevels.at(NOW, tickets), "P3").averageResolutionMinutes()).isNull();
    }
}

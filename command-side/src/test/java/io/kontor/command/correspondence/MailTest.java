package io.kontor.command.correspondence;

import io.kontor.events.correspondence.MailArchived;
import io.kontor.events.correspondence.MailDelivered;
import io.kontor.events.correspondence.MailKind;
import io.kontor.events.correspondence.MailRegistered;
import io.kontor.shared.ErrorCode;
import org.assertj.core.api.Condition;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static io.kontor.command.correspondence.Refusals.refused;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MailTest {

    /** 31 December 2026 at 23:30 UTC is already 1 January 2027 in Copenhagen. */
    private static final Instant NEW_YEARS_NIGHT = Instant.parse("2026-12-31T23:30:00Z");
    private static final Instant NOW = Instant.parse("2026-11-27T08:30:00Z");

    private AggregateTestFixture<Mail> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Mail.class);
    }

    private static MailRegistered registered(MailKind kind) {
        return new MailRegistered("m-1", "Skattestyrelsen", "Accounts", kind);
    }

    @Test
    void registersMail() {
        fixture.givenNoPriorActivity()
                .when(new RegisterMail("m-1", "Skattestyrelsen", "Accounts", MailKind.LETTER))
                .expectEvents(registered(MailKind.LETTER));
    }

    @Test
    void aTakenMailIdIsRefusedAsDuplicate() {
        fixture.given(registered(MailKind.LETTER))
                .when(new RegisterMail("m-1", "Other", "Other", MailKind.PARCEL))
                .expectNoEvents()
                .expectException(refused(ErrorCode.DUPLICATE, "field", "id"));
    }

    @Test
    void deliversMail() {
        fixture.given(registered(MailKind.PARCEL))
                .when(new DeliverMail("m-1"))
                .expectEvents(new MailDelivered("m-1"));
    }

    @Test
    void cannotDeliverMailTwice() {
        fixture.given(registered(MailKind.LETTER), new MailDelivered("m-1"))
                .when(new DeliverMail("m-1"))
                .expectNoEvents()
                .expectException(refused(ErrorCode.CONFLICT, "rule", "ALREADY_DELIVERED"));
    }

    @Test
    void deliveringUnknownMailIsRefusedAsNotFound() {
        fixture.givenNoPriorActivity()
                .when(new DeliverMail("m-1"))
                .expectNoEvents()
                .expectException(refused(ErrorCode.NOT_FOUND, "field", "id"));
    }

    @Test
    void archivesADeliveredLetterUntilTheEndOfTheYearTheRetentionRunsOut() {
        fixture.given(registered(MailKind.LETTER), new MailDelivered("m-1"))
                .andGivenCurrentTime(NOW)
                .when(new ArchiveMail("m-1", 5))
                .expectEvents(new MailArchived("m-1", 5, LocalDate.of(2026, 11, 27), LocalDate.of(2031, 12, 31)));
    }

    @Test
    void theArchiveDateIsTheDayInCopenhagen() {
        fixture.given(registered(MailKind.DOCUMENT))
                .andGivenCurrentTime(NEW_YEARS_NIGHT)
                .when(new ArchiveMail("m-1", 1))
                .expectEvents(new MailArchived("m-1", 1, LocalDate.of(2027, 1, 1), LocalDate.of(2028, 12, 31)));
    }

    @Test
    void anUndeliveredDocumentMayBeArchivedDirectly() {
        fixture.given(registered(MailKind.DOCUMENT))
                .andGivenCurrentTime(NOW)
                .when(new ArchiveMail("m-1", 10))
                .expectEvents(new MailArchived("m-1", 10, LocalDate.of(2026, 11, 27), LocalDate.of(2036, 12, 31)));
    }

    @Test
    void anUndeliveredLetterCannotBeArchived() {
        fixture.given(registered(MailKind.LETTER))
                .when(new ArchiveMail("m-1", 5))
                .expectNoEvents()
                .expectException(refused(ErrorCode.BUSINESS_RULE_VIOLATED, "rule", "NOT_DELIVERED"));
    }

    @Test
    void aParcelIsNeverArchived() {
        fixture.given(registered(MailKind.PARCEL), new MailDelivered("m-1"))
                .when(new ArchiveMail("m-1", 5))
                .expectNoEvents()
                .expectException(refused(ErrorCode.BUSINESS_RULE_VIOLATED, "rule", "PARCEL_NOT_ARCHIVED"));
    }

    @Test
    void cannotArchiveMailTwice() {
        fixture.given(registered(MailKind.DOCUMENT),
                        new MailArchived("m-1", 5, LocalDate.of(2026, 11, 27), LocalDate.of(2031, 12, 31)))
                .when(new ArchiveMail("m-1", 5))
                .expectNoEvents()
                .expectException(refused(ErrorCode.CONFLICT, "rule", "ALREADY_ARCHIVED"));
    }

    @Test
    void archivedMailIsNotDeliveredAnyMore() {
        fixture.given(registered(MailKind.DOCUMENT),
                        new MailArchived("m-1", 5, LocalDate.of(2026, 11, 27), LocalDate.of(2031, 12, 31)))
                .when(new DeliverMail("m-1"))
                .expectNoEvents()
                .expectException(refused(ErrorCode.CONFLICT, "rule", "ALREADY_ARCHIVED"));
    }

    @Test
    void archivingUnknownMailIsRefusedAsNotFound() {
        fixture.givenNoPriorActivity()
                .when(new ArchiveMail("m-1", 5))
                .expectNoEvents()
                .expectException(refused(ErrorCode.NOT_FOUND, "field", "id"));
    }

    @Test
    void retentionIsOneToThirtyYears() {
        for (Integer years : new Integer[]{null, 0, -1, 31}) {
            assertThatThrownBy(() -> new ArchiveMail("m-1", years)).as(String.valueOf(years))
                    .is(new Condition<>(refused(ErrorCode.VALIDATION_FAILED, "field", "retentionYears")::matches,
                            "retentionYears"));
        }
        new ArchiveMail("m-1", 1);
        new ArchiveMail("m-1", 30);
    }
}

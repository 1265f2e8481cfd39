package io.kontor.events.correspondence;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The mail was filed in the archive on {@code archivedOn} (the business's calendar day, Europe/Copenhagen), to be
 * kept {@code retentionYears} years counted from the end of that calendar year, as Danish bookkeeping rules count
 * them: it may be destroyed after {@code retainUntil}, 31 December of the archive year plus the retention years.
 * The date is carried, not recomputed, so the archive register never changes on a replay.
 */
@Revision("1")
public record MailArchived(String mailId, int retentionYears, LocalDate archivedOn, LocalDate retainUntil) {

    public MailArchived {
        Objects.requireNonNull(mailId, "mailId");
        Objects.requireNonNull(archivedOn, "archivedOn");
        Objects.requireNonNull(retainUntil, "retainUntil");
        if (retentionYears < 1) {
            throw new IllegalArgumentException("retentionYears must be positive");
        }
    }
}

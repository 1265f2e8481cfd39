package io.kontor.command.correspondence;

import io.kontor.shared.Checks;
import io.kontor.shared.KontorException;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * File the mail in the archive for {@code retentionYears}, from {@value #MIN_RETENTION_YEARS} to
 * {@value #MAX_RETENTION_YEARS}: under a year is not archiving but a tray; Danish bookkeeping material is kept five
 * years, and thirty is the longest Danish limitation period (forældelsesloven's absolute limit), beyond which no
 * claim the paper could prove survives, so a longer figure is a typo.
 */
public record ArchiveMail(String mailId, Integer retentionYears) {

    static final int MIN_RETENTION_YEARS = 1;
    static final int MAX_RETENTION_YEARS = 30;

    public ArchiveMail {
        Checks.id(mailId, "id");
        Checks.required(retentionYears, "retentionYears");
        if (retentionYears < MIN_RETENTION_YEARS || retentionYears > MAX_RETENTION_YEARS) {
            throw KontorException.invalidField("retentionYears", "retentionYears is from " + MIN_RETENTION_YEARS
                    + " to " + MAX_RETENTION_YEARS);
        }
    }

    @TargetAggregateIdentifier
    public String streamId() {
        return Mail.streamId(mailId);
    }
}

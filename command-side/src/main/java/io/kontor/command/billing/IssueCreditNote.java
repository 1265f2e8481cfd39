package io.kontor.command.billing;

import io.kontor.shared.Checks;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Credit an invoice on {@code date}: {@code amount} (gross, including VAT), or everything still open when
 * {@code amount} is null; never more than is open.
 */
public record IssueCreditNote(String invoiceId, String creditNoteId, BigDecimal amount, String reason,
                              LocalDate date) {

    public IssueCreditNote {
        Checks.id(invoiceId, "id");
        Checks.id(creditNoteId, "creditNoteId");
        Checks.text(reason, "reason", 500);
        Checks.required(date, "date");
        if (amount != null) {
            ReceivePayment.positiveAmount(amount);
        }
    }

    @TargetAggregateIdentifier
    public String streamId() {
        return Invoice.streamId(invoiceId);
    }
}

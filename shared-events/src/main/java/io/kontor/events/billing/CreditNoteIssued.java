package io.kontor.events.billing;

import io.kontor.shared.Money;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A credit note reduced what {@code customer} owes on an invoice by {@code gross} on {@code date}, split into the
 * revenue {@code net} and output {@code vat} it takes back (net + VAT = gross exactly); {@code openAfter} is what
 * remains open on the invoice after it.
 */
@Revision("1")
public record CreditNoteIssued(String invoiceId, String creditNoteId, LocalDate date, String customer, String reason,
                               Money net, Money vat, Money gross, Money openAfter) {

    public CreditNoteIssued {
        Objects.requireNonNull(invoiceId, "invoiceId");
        Objects.requireNonNull(creditNoteId, "creditNoteId");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(net, "net");
        Objects.requireNonNull(vat, "vat");
        Objects.requireNonNull(gross, "gross");
        Objects.requireNonNull(openAfter, "openAfter");
    }
}

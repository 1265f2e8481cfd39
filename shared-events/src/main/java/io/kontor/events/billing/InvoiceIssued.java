package io.kontor.events.billing;

import io.kontor.shared.Money;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * An invoice was issued to {@code customer} on {@code date}, payable by {@code dueDate}. It carries every amount it
 * posts: per line and in total the {@code net} (sales revenue), {@code vat} (output VAT) and {@code gross}
 * (receivable); the totals are the sums of the lines.
 */
@Revision("1")
public record InvoiceIssued(String invoiceId, String customer, LocalDate date, LocalDate dueDate,
                            List<InvoiceLine> lines, Money net, Money vat, Money gross) {

    public InvoiceIssued {
        Objects.requireNonNull(invoiceId, "invoiceId");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(dueDate, "dueDate");
        Objects.requireNonNull(net, "net");
        Objects.requireNonNull(vat, "vat");
        Objects.requireNonNull(gross, "gross");
        lines = List.copyOf(lines);
    }
}

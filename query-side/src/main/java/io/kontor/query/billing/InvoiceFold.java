package io.kontor.query.billing;

import io.kontor.events.billing.CreditNoteIssued;
import io.kontor.events.billing.InvoiceIssued;
import io.kontor.events.billing.PaymentReceived;
import io.kontor.query.common.DocumentFold;
import io.kontor.query.common.Views;
import io.kontor.shared.Money;
import org.axonframework.eventhandling.EventMessage;
import org.bson.Document;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The invoices of one processor batch, folded in memory: an invoice's document is read at most once per batch, each
 * event changes it in memory, and it is written once per batch ({@link DocumentFold}). An event at or before the
 * position the document already reflects is a redelivery and changes nothing. Each document keeps its dated payments
 * and credit notes ({@code settlements}), so an aging can tell what was open on any date.
 */
final class InvoiceFold implements Views.StagedWrites {

    static final String COLLECTION = "billing_invoices";

    enum Status { OPEN, CLOSED }

    enum Kind { PAYMENT, CREDIT_NOTE }

    private final DocumentFold invoices;

    InvoiceFold(Views views) {
        this.invoices = new DocumentFold(views, COLLECTION, InvoiceFold::invoiceOf);
    }

    /** The invoice an event of the batch changes, without deserializing events of other types. */
    private static Object invoiceOf(EventMessage<?> event) {
        Class<?> type = event.getPayloadType();
        if (type == InvoiceIssued.class) {
            return ((InvoiceIssued) event.getPayload()).invoiceId();
        } else if (type == PaymentReceived.class) {
            return ((PaymentReceived) event.getPayload()).invoiceId();
        } else if (type == CreditNoteIssued.class) {
            return ((CreditNoteIssued) event.getPayload()).invoiceId();
        }
        return null;
    }

    void apply(long position, String invoiceId, Object event) {
        if (invoices.applied(invoiceId, position)) {
            return;
        }
        Document invoice = invoices.get(invoiceId);
        Document changed;
        if (event instanceof InvoiceIssued e) {
            changed = issued(e);
        } else if (event instanceof PaymentReceived e) {
            changed = settled(invoice, "paid", settlement(Kind.PAYMENT, e.paymentId(), e.date().toString(),
                    e.amount()).append("method", e.method().name()), e.amount(), e.openAfter());
        } else {
            CreditNoteIssued e = (CreditNoteIssued) event;
            changed = settled(invoice, "credited", settlement(Kind.CREDIT_NOTE, e.creditNoteId(), e.date().toString(),
                    e.gross()).append("vat", amount(e.vat())).append("reason", e.reason()), e.gross(), e.openAfter());
            changed.put("creditedVat", add(changed, "creditedVat", e.vat()));
        }
        invoices.changed(invoiceId, changed, position);
    }

    private static Document issued(InvoiceIssued event) {
        return new Document("_id", event.invoiceId())
                .append("invoiceId", event.invoiceId())
                .append("customer", event.customer())
                .append("currency", event.gross().currency().getCurrencyCode())
                .append("issueDate", event.date().toString())
                .append("dueDate", event.dueDate().toString())
                .append("lines", event.lines().size())
                .append("net", amount(event.net()))
                .append("vat", amount(event.vat()))
                .append("gross", amount(event.gross()))
                .append("paid", "0.00")
                .append("credited", "0.00")
                .append("creditedVat", "0.00")
                .append("open", amount(event.gross()))
                .append("status", event.gross().isPositive() ? Status.OPEN.name() : Status.CLOSED.name())
                .append("settlements", new ArrayList<Document>());
    }

    private static Document settlement(Kind kind, String id, String date, Money amount) {
        return new Document("kind", kind.name()).append("id", id).append("date", date).append("amount", amount(amount));
    }

    private static Document settled(Document invoice, String field, Document settlement, Money amount,
                                    Money openAfter) {
        List<Document> settlements = new ArrayList<>(invoice.getList("settlements", Document.class));
        settlements.add(settlement);
        return invoice
                .append(field, add(invoice, field, amount))
                .append("open", amount(openAfter))
                .append("status", openAfter.isPositive() ? Status.OPEN.name() : Status.CLOSED.name())
                .append("settlements", settlements);
    }

    private static String add(Document invoice, String field, Money amount) {
        return new BigDecimal(invoice.getString(field)).add(amount.amount()).toPlainString();
    }

    private static String amount(Money money) {
        return money.amount().toPlainString();
    }

    /** Stages each changed invoice once, in its final state, into the collection's batch. */
    @Override
    public void flush() {
        invoices.flush();
    }
}

package io.kontor.query.billing;

import io.kontor.events.billing.CreditNoteIssued;
import io.kontor.events.billing.InvoiceIssued;
import io.kontor.events.billing.PaymentReceived;
import io.kontor.query.common.ViewCollections;
import io.kontor.query.common.Views;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.stereotype.Component;

/**
 * Folds invoices, payments and credit notes into the receivables view, one document per invoice in
 * {@value InvoiceFold#COLLECTION}: what was invoiced, paid, credited and is open, and each dated settlement.
 */
@Component
@ProcessingGroup(ReceivablesProjection.GROUP)
@ViewCollections(InvoiceFold.COLLECTION)
public class ReceivablesProjection {

    public static final String GROUP = "billing";
    private static final String INVOICES = ReceivablesProjection.class.getName() + ".invoices";

    private final Views views;

    ReceivablesProjection(Views views) {
        this.views = views;
    }

    @EventHandler
    void on(InvoiceIssued event, TrackingToken token) {
        invoices().apply(Views.positionOf(token), event.invoiceId(), event);
    }

    @EventHandler
    void on(PaymentReceived event, TrackingToken token) {
        invoices().apply(Views.positionOf(token), event.invoiceId(), event);
    }

    @EventHandler
    void on(CreditNoteIssued event, TrackingToken token) {
        invoices().apply(Views.positionOf(token), event.invoiceId(), event);
    }

    private InvoiceFold invoices() {
        return views.staged(INVOICES, () -> new InvoiceFold(views));
    }
}

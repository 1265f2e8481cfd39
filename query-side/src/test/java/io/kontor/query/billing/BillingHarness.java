package io.kontor.query.billing;

import com.mongodb.client.MongoDatabase;
import io.kontor.eventlog.testing.TestMongo;
import io.kontor.query.common.Views;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies events to the receivables view on a fresh database through the projection's own handlers, in batches the
 * way the processor does (one unit of work per batch, flushed at commit), without starting Axon's processors.
 */
public final class BillingHarness {

    public final MongoDatabase database = TestMongo.freshDatabase();
    private final Views views = new Views(database);
    final ReceivablesController queries = new ReceivablesController(views);
    private final AnnotationEventHandlerAdapter handlers =
            new AnnotationEventHandlerAdapter(new ReceivablesProjection(views));
    private long position;

    /** Applies the events at the next positions as one batch; answers the first position. */
    public long batch(List<?> events) {
        long first = position + 1;
        position += events.size();
        applyAt(first, events);
        return first;
    }

    /** Applies the events again at the positions they were first applied at, as a redelivery after a crash does. */
    public void redeliver(long firstPosition, List<?> events) {
        applyAt(firstPosition, events);
    }

    private void applyAt(long firstPosition, List<?> events) {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        try {
            long at = firstPosition;
            for (Object event : events) {
                handlers.handle(new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(at++),
                        GenericEventMessage.asEventMessage(event)));
            }
        } catch (Exception e) {
            batch.rollback(e);
            throw new IllegalStateException(e);
        }
        batch.commit();
    }

    /** The DKK total of a column (gross, paid, credited, open) over all invoices, open and closed. */
    public BigDecimal total(String column) {
        return queries.receivables("all", null, LocalDate.of(2000, 1, 1)).totals().stream()
                .filter(t -> t.currency().equals("DKK"))
                .map(t -> new BigDecimal(switch (column) {
                    case "gross" -> t.gross();
                    case "paid" -> t.paid();
                    case "credited" -> t.credited();
                    default -> t.open();
                }))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Output VAT still owed on the invoices: invoiced VAT less the VAT credit notes took back. */
    public BigDecimal outputVat() {
        BigDecimal vat = BigDecimal.ZERO;
        for (Document d : documents()) {
            vat = vat.add(new BigDecimal(d.getString("vat"))).subtract(new BigDecimal(d.getString("creditedVat")));
        }
        return vat;
    }

    /** The DKK total open on {@code asOf} over all buckets of the aging. */
    public BigDecimal agedTotal(LocalDate asOf) {
        return queries.aging(asOf, null).totals().stream().filter(t -> t.currency().equals("DKK"))
                .map(t -> new BigDecimal(t.total())).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public List<Document> documents() {
        return database.getCollection(InvoiceFold.COLLECTION).find().into(new ArrayList<>());
    }
}

package io.kontor.query.billing;

import io.kontor.events.billing.CreditNoteIssued;
import io.kontor.events.billing.InvoiceIssued;
import io.kontor.events.billing.InvoiceLine;
import io.kontor.events.billing.PaymentMethod;
import io.kontor.events.billing.PaymentReceived;
import io.kontor.shared.Money;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReceivablesProjectionTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 1);

    private final BillingHarness harness = new BillingHarness();

    private static InvoiceIssued invoice(String id, String customer, LocalDate date, LocalDate due, String net,
                                         String vat) {
        Money n = Money.dkk(net);
        Money v = Money.dkk(vat);
        return new InvoiceIssued(id, customer, date, due, List.of(new InvoiceLine("work", BigDecimal.ONE, n,
                BigDecimal.valueOf(25), n, v, n.plus(v))), n, v, n.plus(v));
    }

    private static PaymentReceived payment(String invoice, String id, LocalDate date, String amount, String open) {
        return new PaymentReceived(invoice, id, date, "c", PaymentMethod.BANK, Money.dkk(amount), Money.dkk(open));
    }

    @Test
    void anInvoiceIsOpenUntilPaymentsAndCreditNotesSettleIt() {
        harness.batch(List.of(invoice("inv-1", "Hansen", DAY, DAY.plusDays(14), "800.00", "200.00"),
                payment("inv-1", "p-1", DAY.plusDays(3), "300.00", "700.00")));
        Document open = harness.documents().get(0);
        assertThat(open.getString("status")).isEqualTo("OPEN");
        assertThat(open.getString("paid")).isEqualTo("300.00");
        assertThat(open.getString("open")).isEqualTo("700.00");

        harness.batch(List.of(new CreditNoteIssued("inv-1", "cn-1", DAY.plusDays(4), "Hansen", "discount",
                Money.dkk("560.00"), Money.dkk("140.00"), Money.dkk("700.00"), Money.dkk("0.00"))));
        Document closed = harness.documents().get(0);
        assertThat(closed.getString("status")).isEqualTo("CLOSED");
        assertThat(closed.getString("credited")).isEqualTo("700.00");
        assertThat(closed.getString("creditedVat")).isEqualTo("140.00");
        assertThat(closed.getString("open")).isEqualTo("0.00");
        assertThat(closed.getList("settlements", Document.class)).extracting(d -> d.getString("kind"))
                .containsExactly("PAYMENT", "CREDIT_NOTE");
        assertThat(harness.outputVat()).isEqualByComparingTo("60.00");
    }

    @Test
    void aRedeliveredBatchChangesNothing() {
        List<Object> events = List.of(invoice("inv-1", "Hansen", DAY, DAY, "800.00", "200.00"),
                payment("inv-1", "p-1", DAY, "300.00", "700.00"));
        long first = harness.batch(events);
        List<Document> before = harness.documents();
        harness.redeliver(first, events);
        assertThat(harness.documents()).isEqualTo(before);
        assertThat(harness.total("paid")).isEqualByComparingTo("300.00");
    }

    @Test
    void openReceivablesArePerCustomerWithDaysOverdue() {
        harness.batch(List.of(invoice("inv-1", "Hansen", DAY, DAY.plusDays(10), "100.00", "25.00"),
                invoice("inv-2", "Hansen", DAY, DAY.plusDays(30), "200.00", "50.00"),
                invoice("inv-3", "Jensen", DAY, DAY.plusDays(10), "40.00", "10.00"),
                payment("inv-3", "p-1", DAY, "50.00", "0.00")));

        ReceivablesController.Receivables open = harness.queries.receivables("open", null, DAY.plusDays(20));

        assertThat(open.customers()).hasSize(1);
        ReceivablesController.CustomerReceivables hansen = open.customers().get(0);
        assertThat(hansen.customer()).isEqualTo("Hansen");
        assertThat(hansen.open()).isEqualTo("375.00");
        assertThat(hansen.invoices()).extracting(ReceivablesController.InvoiceReceivable::id,
                        ReceivablesController.InvoiceReceivable::daysOverdue)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("inv-1", 10L),
                        org.assertj.core.groups.Tuple.tuple("inv-2", 0L));
        assertThat(harness.queries.receivables("closed", null, DAY).customers())
                .extracting(ReceivablesController.CustomerReceivables::customer).containsExactly("Jensen");
    }

    @Test
    void agingCountsOnlyWhatWasIssuedAndSettledOnOrBeforeItsDate() {
        LocalDate due = DAY.plusDays(10);
        harness.batch(List.of(invoice("inv-1", "Hansen", DAY, due, "80.00", "20.00"),
                invoice("inv-2", "Hansen", DAY.plusDays(40), DAY.plusDays(50), "8.00", "2.00"),
                payment("inv-1", "p-1", due.plusDays(45), "60.00", "40.00")));

        assertThat(buckets(due)).containsEntry("current", "100.00").containsEntry("1-30", "0.00");
        assertThat(buckets(due.plusDays(1))).containsEntry("current", "0.00").containsEntry("1-30", "100.00");
        assertThat(buckets(due.plusDays(30))).containsEntry("1-30", "100.00").containsEntry("current", "10.00");
        assertThat(buckets(due.plusDays(31))).containsEntry("31-60", "100.00");
        // The payment dated 45 days past due counts from its own date on, not before.
        assertThat(buckets(due.plusDays(44))).containsEntry("31-60", "100.00");
        assertThat(buckets(due.plusDays(45))).containsEntry("31-60", "40.00");
        assertThat(buckets(due.plusDays(61))).containsEntry("61-90", "40.00").containsEntry("1-30", "10.00");
        assertThat(buckets(due.plusDays(91))).containsEntry("90+", "40.00");
        assertThat(harness.queries.aging(DAY.minusDays(1), null).totals()).isEmpty();
        assertThat(harness.agedTotal(due.plusDays(91))).isEqualByComparingTo(harness.total("open"));
    }

    private Map<String, String> buckets(LocalDate asOf) {
        return harness.queries.aging(asOf, "Hansen").customers().get(0).buckets();
    }
}

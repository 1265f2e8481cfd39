package io.kontor.query.ledger;

import io.kontor.command.billing.Invoice;
import io.kontor.command.billing.IssueCreditNote;
import io.kontor.command.billing.IssueInvoice;
import io.kontor.command.billing.ReceivePayment;
import io.kontor.command.ledger.LedgerDirectory;
import io.kontor.events.billing.InvoiceIssued;
import io.kontor.events.billing.PaymentMethod;
import io.kontor.events.ledger.AccountOpened;
import io.kontor.events.ledger.AccountType;
import io.kontor.query.billing.BillingHarness;
import io.kontor.shared.KontorException;
import io.kontor.shared.Money;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Open receivables = account 1100 and output VAT = account 2100, to the øre, after any mix of invoices (fractional
 * quantities, mixed VAT rates), partial and over-large payments and partial and full credit notes. Random command
 * streams run through the real invoice aggregate (Axon, in memory); the events they append go to the receivables
 * view and to the ledger in random batches with random redeliveries. Refused commands append nothing.
 */
class ReceivablesIdentityTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 27);
    private static final List<BigDecimal> VAT_RATES = List.of(BigDecimal.ZERO, new BigDecimal("12.5"),
            BigDecimal.valueOf(25), new BigDecimal("33.33"));
    private static final List<AccountOpened> BILLING_ACCOUNTS = List.of(
            new AccountOpened("1100", "Accounts receivable", AccountType.ASSET, Money.DKK),
            new AccountOpened("2100", "Output VAT", AccountType.LIABILITY, Money.DKK));

    /** One command: 0 invoice, 1 payment, 2 credit note; on invoice number {@code invoice} modulo those issued. */
    record Step(int kind, int invoice, long amountOre, int quantityThousandths, int vatRate, int batchBreak,
                boolean redeliver) {
    }

    @Provide
    Arbitrary<List<Step>> streams() {
        Arbitrary<Step> step = Combinators.combine(
                Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 20),
                Arbitraries.longs().between(0, 200_000),
                Arbitraries.integers().between(1, 5_000),
                Arbitraries.integers().between(0, VAT_RATES.size() - 1),
                Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 4).map(n -> n == 0)).as(Step::new);
        return step.list().ofMinSize(1).ofMaxSize(40);
    }

    @Property(tries = 30)
    void openReceivablesEqualAccount1100AndOutputVatEqualsAccount2100(@ForAll("streams") List<Step> steps) {
        InMemoryEventStorageEngine log = new InMemoryEventStorageEngine();
        Configuration axon = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> log)
                .configureAggregate(Invoice.class)
                .registerComponent(LedgerDirectory.class, c -> new InventoryValueIdentityTest.AllOpen())
                .buildConfiguration();
        axon.start();
        try {
            int issued = 0;
            for (int i = 0; i < steps.size(); i++) {
                Step step = steps.get(i);
                String amount = BigDecimal.valueOf(step.amountOre(), 2).toPlainString();
                if (step.kind() == 0 || issued == 0) {
                    // Two lines: a fractional quantity at the step's price and rate, and a small zero-rated one.
                    send(axon, new IssueInvoice("inv-" + issued++, "customer " + step.invoice() % 3, DAY,
                            DAY.plusDays(step.invoice()), Money.DKK, List.of(
                            new IssueInvoice.Line("work", BigDecimal.valueOf(step.quantityThousandths(), 3),
                                    new BigDecimal(amount), VAT_RATES.get(step.vatRate())),
                            new IssueInvoice.Line("book", BigDecimal.ONE, BigDecimal.valueOf(step.invoice(), 2),
                                    BigDecimal.ZERO))));
                    continue;
                }
                String invoice = "inv-" + step.invoice() % issued;
                if (step.kind() == 1) {
                    send(axon, new ReceivePayment(invoice, "p-" + i, BigDecimal.valueOf(step.amountOre() + 1, 2),
                            PaymentMethod.values()[step.vatRate() % 3], DAY.plusDays(1)));
                } else {
                    // Every other credit note credits everything open.
                    BigDecimal credit = step.redeliver() ? null : BigDecimal.valueOf(step.amountOre() % 10_000 + 1, 2);
                    send(axon, new IssueCreditNote(invoice, "cn-" + i, credit, "reason", DAY.plusDays(2)));
                }
            }
            List<Object> events = new ArrayList<>();
            log.readEvents(null, false).map(EventMessage::getPayload).forEach(events::add);
            assertThat(events).filteredOn(InvoiceIssued.class::isInstance).hasSize(issued);

            BillingHarness billing = new BillingHarness();
            LedgerHarness ledger = new LedgerHarness().withChart();
            ledger.batch(BILLING_ACCOUNTS);
            List<RandomBatches.Cut> cuts = steps.stream()
                    .map(step -> new RandomBatches.Cut(step.batchBreak() * 3 + 1, step.redeliver())).toList();
            RandomBatches.feed(events, cuts,
                    new RandomBatches.View(billing::batch, billing::redeliver),
                    new RandomBatches.View(ledger::batch, ledger::redeliver));

            LocalDate end = DAY.plusDays(10);
            BigDecimal open = billing.total("open");
            assertThat(open).isEqualByComparingTo(ledger.reports.balance("1100", end).balance());
            assertThat(billing.outputVat()).isEqualByComparingTo(ledger.reports.balance("2100", end).balance());
            assertThat(billing.agedTotal(end)).isEqualByComparingTo(open);
            assertThat(billing.total("gross").subtract(billing.total("paid")).subtract(billing.total("credited")))
                    .isEqualByComparingTo(open);
            for (var invoice : billing.documents()) {
                assertThat(new BigDecimal(invoice.getString("open")).signum()).isNotNegative();
                assertThat(new BigDecimal(invoice.getString("creditedVat")))
                        .isBetween(BigDecimal.ZERO, new BigDecimal(invoice.getString("vat")));
            }
        } finally {
            axon.shutdown();
        }
    }

    private static void send(Configuration axon, Object command) {
        try {
            axon.commandGateway().sendAndWait(GenericCommandMessage.asCommandMessage(command)
                    .withMetaData(MetaData.with("user", "sara")));
        } catch (KontorException refused) {
            // Over-large payments and credits, and anything on a settled invoice, are part of the stream.
            assertThat(refused.properties().get("rule"))
                    .isIn("OVERPAYMENT", "CREDIT_EXCEEDS_OPEN", "NOTHING_OPEN", "INVOICE_CREDITED");
        }
    }
}

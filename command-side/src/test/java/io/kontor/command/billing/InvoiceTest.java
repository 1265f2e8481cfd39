package io.kontor.command.billing;

import io.kontor.command.ledger.LedgerDirectory;
import io.kontor.events.billing.CreditNoteIssued;
import io.kontor.events.billing.InvoiceIssued;
import io.kontor.events.billing.InvoiceLine;
import io.kontor.events.billing.PaymentMethod;
import io.kontor.events.billing.PaymentReceived;
import io.kontor.events.ledger.AccountType;
import io.kontor.shared.ErrorCode;
import io.kontor.shared.KontorException;
import io.kontor.shared.Money;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static io.kontor.command.inventory.ItemTest.withCode;
import static io.kontor.command.inventory.ItemTest.withRule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InvoiceTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 27);
    private static final LocalDate DUE = DAY.plusDays(30);
    private static final BigDecimal VAT = BigDecimal.valueOf(25);
    private static final List<IssueInvoice.Line> LINES = List.of(
            new IssueInvoice.Line("Consulting", new BigDecimal("1.5"), new BigDecimal("850.00"), VAT),
            new IssueInvoice.Line("Printed matter", BigDecimal.ONE, new BigDecimal("0.05"), VAT),
            new IssueInvoice.Line("Book", BigDecimal.valueOf(2), new BigDecimal("99.00"), BigDecimal.ZERO));
    /** 1275.00 + 318.75 VAT; 0.05 + 0.01 VAT (0.0125 rounds half-even to 0.01); 198.00 zero-rated. */
    private static final InvoiceIssued ISSUED = new InvoiceIssued("inv-1", "Hansen ApS", DAY, DUE, List.of(
            new InvoiceLine("Consulting", new BigDecimal("1.5"), Money.dkk("850.00"), VAT, Money.dkk("1275.00"),
                    Money.dkk("318.75"), Money.dkk("1593.75")),
            new InvoiceLine("Printed matter", BigDecimal.ONE, Money.dkk("0.05"), VAT, Money.dkk("0.05"),
                    Money.dkk("0.01"), Money.dkk("0.06")),
            new InvoiceLine("Book", BigDecimal.valueOf(2), Money.dkk("99.00"), BigDecimal.ZERO, Money.dkk("198.00"),
                    Money.dkk("0.00"), Money.dkk("198.00"))),
            Money.dkk("1473.05"), Money.dkk("318.76"), Money.dkk("1791.81"));

    private final Directory directory = new Directory();
    private AggregateTestFixture<Invoice> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Invoice.class);
        fixture.registerInjectableResource(directory);
    }

    private static IssueInvoice issue(List<IssueInvoice.Line> lines) {
        return new IssueInvoice("inv-1", "Hansen ApS", DAY, DUE, Money.DKK, lines);
    }

    private static PaymentReceived paid(String id, String amount, String openAfter) {
        return new PaymentReceived("inv-1", id, DAY, "Hansen ApS", PaymentMethod.CARD, Money.dkk(amount),
                Money.dkk(openAfter));
    }

    @Test
    void issuesAnInvoiceWithVatRoundedHalfEvenPerLine() {
        fixture.givenNoPriorActivity()
                .when(issue(LINES))
                .expectEvents(ISSUED);
    }

    @Test
    void aTakenInvoiceIdIsRefusedAsDuplicate() {
        fixture.given(ISSUED)
                .when(issue(LINES))
                .expectNoEvents()
                .expectException(withCode(ErrorCode.DUPLICATE));
    }

    @Test
    void anInvoiceDatedInAClosedMonthIsRefused() {
        directory.closed.add(YearMonth.from(DAY));
        fixture.givenNoPriorActivity()
                .when(issue(LINES))
                .expectNoEvents()
                .expectException(withRule("PERIOD_CLOSED"));
    }

    @Test
    void anInvoiceInAnotherCurrencyThanReceivablesIsRefused() {
        directory.receivables = Optional.of(new LedgerDirectory.AccountInfo("1100", AccountType.ASSET, Money.DKK));
        fixture.givenNoPriorActivity()
                .when(new IssueInvoice("inv-1", "Hansen ApS", DAY, DUE, Currency.getInstance("EUR"), LINES))
                .expectNoEvents()
                .expectException(withRule("ACCOUNT_CURRENCY_MISMATCH"));
    }

    @Test
    void aPartialPaymentLeavesTheRestOpen() {
        fixture.given(ISSUED)
                .when(new ReceivePayment("inv-1", "p-1", new BigDecimal("1000.00"), PaymentMethod.CARD, DAY))
                .expectEvents(paid("p-1", "1000.00", "791.81"));
    }

    @Test
    void theLastPaymentMayPayExactlyWhatIsOpen() {
        fixture.given(ISSUED, paid("p-1", "1000.00", "791.81"))
                .when(new ReceivePayment("inv-1", "p-2", new BigDecimal("791.81"), PaymentMethod.CARD, DAY))
                .expectEvents(paid("p-2", "791.81", "0.00"));
    }

    @Test
    void cannotOverpayAnInvoice() {
        fixture.given(ISSUED, paid("p-1", "1000.00", "791.81"))
                .when(new ReceivePayment("inv-1", "p-2", new BigDecimal("791.82"), PaymentMethod.CASH, DAY))
                .expectNoEvents()
                .expectException(withRule("OVERPAYMENT"));
    }

    @Test
    void cannotPayAFullyCreditedInvoice() {
        fixture.given(ISSUED, new CreditNoteIssued("inv-1", "cn-1", DAY, "Hansen ApS", "wrong customer",
                        Money.dkk("1473.05"), Money.dkk("318.76"), Money.dkk("1791.81"), Money.dkk("0.00")))
                .when(new ReceivePayment("inv-1", "p-1", new BigDecimal("1.00"), PaymentMethod.CASH, DAY))
                .expectNoEvents()
                .expectException(withRule("INVOICE_CREDITED"));
    }

    @Test
    void payingAnUnknownInvoiceIsRefusedAsNotFound() {
        fixture.givenNoPriorActivity()
                .when(new ReceivePayment("nope", "p-1", BigDecimal.ONE, PaymentMethod.CASH, DAY))
                .expectNoEvents()
                .expectException(withCode(ErrorCode.NOT_FOUND));
    }

    @Test
    void aPaymentDatedInAClosedMonthIsRefused() {
        directory.closed.add(YearMonth.from(DUE));
        fixture.given(ISSUED)
                .when(new ReceivePayment("inv-1", "p-1", BigDecimal.ONE, PaymentMethod.CASH, DUE))
                .expectNoEvents()
                .expectException(withRule("PERIOD_CLOSED"));
    }

    @Test
    void aPaymentDatedBeforeTheInvoiceIsRefused() {
        fixture.given(ISSUED)
                .when(new ReceivePayment("inv-1", "p-1", BigDecimal.ONE, PaymentMethod.CASH, DAY.minusDays(1)))
                .expectNoEvents()
                .expectException(withRule("BEFORE_ISSUE_DATE"));
    }

    @Test
    void aCreditNoteWithoutAmountCreditsEverythingOpenInTheInvoicesProportion() {
        // 791.81 open of 1791.81 gross: VAT 791.81 × 318.76 / 1791.81 = 140.86 (140.8618… rounds down).
        fixture.given(ISSUED, paid("p-1", "1000.00", "791.81"))
                .when(new IssueCreditNote("inv-1", "cn-1", null, "discount", DAY))
                .expectEvents(new CreditNoteIssued("inv-1", "cn-1", DAY, "Hansen ApS", "discount",
                        Money.dkk("650.95"), Money.dkk("140.86"), Money.dkk("791.81"), Money.dkk("0.00")));
    }

    @Test
    void partialCreditNotesAddUpToExactlyTheInvoicesNetAndVat() {
        CreditNoteIssued first = new CreditNoteIssued("inv-1", "cn-1", DAY, "Hansen ApS", "part",
                Money.dkk("0.83"), Money.dkk("0.18"), Money.dkk("1.01"), Money.dkk("1790.80"));
        fixture.given(ISSUED)
                .when(new IssueCreditNote("inv-1", "cn-1", new BigDecimal("1.01"), "part", DAY))
                .expectEvents(first);
        // The rest: VAT 318.76 − 0.18 and net 1473.05 − 0.83, so the two notes credit the invoice exactly.
        fixture.given(ISSUED, first)
                .when(new IssueCreditNote("inv-1", "cn-2", null, "rest", DAY))
                .expectEvents(new CreditNoteIssued("inv-1", "cn-2", DAY, "Hansen ApS", "rest",
                        Money.dkk("1472.22"), Money.dkk("318.58"), Money.dkk("1790.80"), Money.dkk("0.00")));
    }

    @Test
    void creditNoteCannotExceedWhatIsOpen() {
        fixture.given(ISSUED, paid("p-1", "1000.00", "791.81"))
                .when(new IssueCreditNote("inv-1", "cn-1", new BigDecimal("791.82"), "too much", DAY))
                .expectNoEvents()
                .expectException(withRule("CREDIT_EXCEEDS_OPEN"));
    }

    @Test
    void aPaidInvoiceHasNothingToCredit() {
        fixture.given(ISSUED, paid("p-1", "1791.81", "0.00"))
                .when(new IssueCreditNote("inv-1", "cn-1", null, "late", DAY))
                .expectNoEvents()
                .expectException(withRule("NOTHING_OPEN"));
    }

    @Test
    void creditingAnUnknownInvoiceIsRefusedAsNotFound() {
        fixture.givenNoPriorActivity()
                .when(new IssueCreditNote("nope", "cn-1", null, "x", DAY))
                .expectNoEvents()
                .expectException(withCode(ErrorCode.NOT_FOUND));
    }

    @Test
    void aCreditNoteDatedInAClosedMonthIsRefused() {
        directory.closed.add(YearMonth.from(DAY));
        fixture.given(ISSUED)
                .when(new IssueCreditNote("inv-1", "cn-1", null, "x", DAY))
                .expectNoEvents()
                .expectException(withRule("PERIOD_CLOSED"));
    }

    @Test
    void badlyShapedInvoicesNeverReachTheInvoice() {
        assertRefused("lines[0].vatRate", () -> issue(List.of(
                new IssueInvoice.Line("x", BigDecimal.ONE, BigDecimal.ONE, new BigDecimal("100.01")))));
        assertRefused("lines[0].vatRate", () -> issue(List.of(
                new IssueInvoice.Line("x", BigDecimal.ONE, BigDecimal.ONE, new BigDecimal("-1")))));
        assertRefused("lines[0].quantity", () -> issue(List.of(
                new IssueInvoice.Line("x", BigDecimal.ZERO, BigDecimal.ONE, VAT))));
        assertRefused("lines[0].quantity", () -> issue(List.of(
                new IssueInvoice.Line("x", new BigDecimal("0.0001"), BigDecimal.ONE, VAT))));
        assertRefused("lines[0].unitPrice", () -> issue(List.of(
                new IssueInvoice.Line("x", BigDecimal.ONE, new BigDecimal("1.005"), VAT))));
        assertRefused("lines[0].unitPrice", () -> issue(List.of(
                new IssueInvoice.Line("x", BigDecimal.ONE, new BigDecimal("-1"), VAT))));
        assertRefused("lines", () -> issue(List.of()));
        assertRefused("dueDate", () -> new IssueInvoice("inv-1", "Hansen ApS", DAY, DAY.minusDays(1), Money.DKK,
                LINES));
        assertRefused("amount", () -> new ReceivePayment("inv-1", "p-1", BigDecimal.ZERO, PaymentMethod.CASH, DAY));
        assertRefused("amount", () -> new IssueCreditNote("inv-1", "cn-1", new BigDecimal("-1"), "x", DAY));
    }

    private static void assertRefused(String field, Runnable construction) {
        assertThatThrownBy(construction::run).isInstanceOfSatisfying(KontorException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
            assertThat(e.properties()).containsEntry("field", field);
        });
    }

    /** Every month open unless closed here; account 1100 unknown unless set. */
    static final class Directory implements LedgerDirectory {
        final Set<YearMonth> closed = new HashSet<>();
        Optional<AccountInfo> receivables = Optional.empty();

        @Override
        public Optional<AccountInfo> account(String code) {
            return "1100".equals(code) ? receivables : Optional.empty();
        }

        @Override
        public boolean isClosed(YearMonth period) {
            return closed.contains(period);
        }
    }
}

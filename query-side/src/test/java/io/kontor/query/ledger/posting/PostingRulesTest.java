package io.kontor.query.ledger.posting;

import io.kontor.events.billing.CreditNoteIssued;
import io.kontor.events.billing.InvoiceIssued;
import io.kontor.events.billing.InvoiceLine;
import io.kontor.events.billing.PaymentMethod;
import io.kontor.events.billing.PaymentReceived;
import io.kontor.events.hr.PayrollPaid;
import io.kontor.events.hr.PayrollRunCompleted;
import io.kontor.events.hr.Payslip;
import io.kontor.events.inventory.GoodsReceived;
import io.kontor.events.inventory.ReceivedLine;
import io.kontor.events.inventory.StockCounted;
import io.kontor.events.inventory.StockIssued;
import io.kontor.events.inventory.SupplierPaid;
import io.kontor.events.ledger.JournalEntryPosted;
import io.kontor.events.ledger.JournalEntryReversed;
import io.kontor.events.ledger.JournalLine;
import io.kontor.shared.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.kontor.events.ledger.JournalLine.credit;
import static io.kontor.events.ledger.JournalLine.debit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostingRulesTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 27);
    private static final List<JournalLine> RENT = List.of(
            debit("6000", Money.dkk("1250.00")), credit("1010", Money.dkk("1250.00")));

    private final PostingRules rules = PostingRules.standard();

    /** The table: event in, posting out. Every later area adds its rows here. */
    static Stream<Arguments> table() {
        return Stream.of(
                Arguments.of(new JournalEntryPosted("je-1", DAY, "rent", RENT),
                        new Posting(DAY, "je-1", "rent", RENT)),
                Arguments.of(new JournalEntryReversed("je-1", "je-2", DAY.plusDays(1), "wrong account",
                                RENT.stream().map(JournalLine::mirrored).toList()),
                        new Posting(DAY.plusDays(1), "je-2", "reversal of je-1: wrong account", List.of(
                                credit("6000", Money.dkk("1250.00")), debit("1010", Money.dkk("1250.00"))))),
                Arguments.of(new GoodsReceived("po-1", "r-1", DAY, "Bolt & Co", List.of(
                                new ReceivedLine("SCREW-4", 3, Money.dkk("2.35"), Money.dkk("7.05"),
                                        BigDecimal.valueOf(25), Money.dkk("1.76"), 7)),
                                Money.dkk("7.05"), Money.dkk("1.76"), Money.dkk("8.81"), false),
                        new Posting(DAY, "po-1", "goods received from Bolt & Co, receipt r-1", List.of(
                                debit("1200", Money.dkk("7.05")), debit("1300", Money.dkk("1.76")),
                                credit("2000", Money.dkk("8.81"))))),
                Arguments.of(new SupplierPaid("po-1", "p-1", DAY, "Bolt & Co", Money.dkk("8.81")),
                        new Posting(DAY, "po-1", "paid Bolt & Co, payment p-1", List.of(
                                debit("2000", Money.dkk("8.81")), credit("1010", Money.dkk("8.81"))))),
                Arguments.of(new StockIssued("SCREW-4", "i-1", DAY, "workshop", 2, Money.dkk("3.34"),
                                Money.dkk("6.67"), 0, Money.dkk("0.00")),
                        new Posting(DAY, "i-1", "stock issued: 2 × SCREW-4 (workshop)", List.of(
                                debit("5000", Money.dkk("6.67")), credit("1200", Money.dkk("6.67"))))),
                Arguments.of(new StockCounted("SCREW-4", "c-1", DAY, 4, 3, -1, Money.dkk("10.25"),
                                Money.dkk("-10.25"), 3, Money.dkk("30.75")),
                        new Posting(DAY, "c-1", "stock count of SCREW-4: 3 counted, 4 expected", List.of(
                                debit("6900", Money.dkk("10.25")), credit("1200", Money.dkk("10.25"))))),
                Arguments.of(new PayrollRunCompleted("2026-11", LocalDate.of(2026, 11, 30), List.of(
                                new Payslip("anna", "Anna Berg", "Reception", 29, Money.dkk("29966.67")),
                                new Payslip("bo", "Bo Holm", "Kitchen", 30, Money.dkk("28000.00"))),
                                Money.dkk("57966.67")),
                        new Posting(LocalDate.of(2026, 11, 30), "payroll-2026-11", "payroll 2026-11: 2 employees",
                                List.of(debit("6000", Money.dkk("57966.67")), credit("2200", Money.dkk("57966.67"))))),
                Arguments.of(new PayrollPaid("2026-11", DAY, Money.dkk("57966.67")),
                        new Posting(DAY, "payroll-2026-11", "payroll 2026-11 paid", List.of(
                                debit("2200", Money.dkk("57966.67")), credit("1010", Money.dkk("57966.67"))))),
                Arguments.of(new InvoiceIssued("inv-1", "Hansen ApS", DAY, DAY.plusDays(30), List.of(
                                new InvoiceLine("Consulting", new BigDecimal("1.5"), Money.dkk("850.00"),
                                        BigDecimal.valueOf(25), Money.dkk("1275.00"), Money.dkk("318.75"),
                                        Money.dkk("1593.75")),
                                new InvoiceLine("Book", BigDecimal.ONE, Money.dkk("99.00"), BigDecimal.ZERO,
                                        Money.dkk("99.00"), Money.dkk("0.00"), Money.dkk("99.00"))),
                                Money.dkk("1374.00"), Money.dkk("318.75"), Money.dkk("1692.75")),
                        new Posting(DAY, "inv-1", "invoice inv-1 to Hansen ApS", List.of(
                                debit("1100", Money.dkk("1692.75")), credit("4000", Money.dkk("1374.00")),
                                credit("2100", Money.dkk("318.75"))))),
                Arguments.of(new PaymentReceived("inv-1", "p-1", DAY, "Hansen ApS", PaymentMethod.CASH,
                                Money.dkk("500.00"), Money.dkk("1192.75")),
                        new Posting(DAY, "inv-1", "payment p-1 from Hansen ApS (CASH)", List.of(
                                debit("1000", Money.dkk("500.00")), credit("1100", Money.dkk("500.00"))))),
                Arguments.of(new CreditNoteIssued("inv-1", "cn-1", DAY, "Hansen ApS", "discount",
                                Money.dkk("80.00"), Money.dkk("20.00"), Money.dkk("100.00"), Money.dkk("1092.75")),
                        new Posting(DAY, "inv-1", "credit note cn-1 to Hansen ApS: discount", List.of(
                                debit("4000", Money.dkk("80.00")), debit("2100", Money.dkk("20.00")),
                                credit("1100", Money.dkk("100.00"))))));
    }

    /** Card and bank payments go to the bank account, cash to the till. */
    @Test
    void cardAndBankPaymentsPostToTheBank() {
        for (PaymentMethod method : List.of(PaymentMethod.CARD, PaymentMethod.BANK)) {
            assertThat(rules.postingFor(new PaymentReceived("inv-1", "p-2", DAY, "Hansen ApS", method,
                    Money.dkk("10.00"), Money.dkk("0.00")))).get().extracting(Posting::lines).isEqualTo(List.of(
                    debit("1010", Money.dkk("10.00")), credit("1100", Money.dkk("10.00"))));
        }
    }

    /** A zero-rated invoice posts no output VAT line; its credit note none either. */
    @Test
    void aZeroRatedInvoicePostsNoVatLine() {
        InvoiceIssued zeroRated = new InvoiceIssued("inv-2", "Bog ApS", DAY, DAY, List.of(
                new InvoiceLine("Book", BigDecimal.ONE, Money.dkk("99.00"), BigDecimal.ZERO, Money.dkk("99.00"),
                        Money.dkk("0.00"), Money.dkk("99.00"))),
                Money.dkk("99.00"), Money.dkk("0.00"), Money.dkk("99.00"));
        assertThat(rules.postingFor(zeroRated)).get().extracting(Posting::lines).isEqualTo(List.of(
                debit("1100", Money.dkk("99.00")), credit("4000", Money.dkk("99.00"))));
        assertThat(rules.postingFor(new CreditNoteIssued("inv-2", "cn-1", DAY, "Bog ApS", "x", Money.dkk("99.00"),
                Money.dkk("0.00"), Money.dkk("99.00"), Money.dkk("0.00")))).get().extracting(Posting::lines)
                .isEqualTo(List.of(debit("4000", Money.dkk("99.00")), credit("1100", Money.dkk("99.00"))));
    }

    /** A count that finds more than expected is a gain: inventory up, inventory differences credited. */
    @Test
    void aCountSurplusPostsAGain() {
        StockCounted surplus = new StockCounted("SCREW-4", "c-2", DAY, 4, 6, 2, Money.dkk("10.25"),
                Money.dkk("20.50"), 6, Money.dkk("61.50"));
        assertThat(rules.postingFor(surplus)).contains(new Posting(DAY, "c-2",
                "stock count of SCREW-4: 6 counted, 4 expected", List.of(
                debit("1200", Money.dkk("20.50")), credit("6900", Money.dkk("20.50")))));
    }

    /** Zero amounts post no line: a zero-rated receipt has no VAT line, an agreeing count posts nothing at all. */
    @Test
    void zeroAmountsPostNoLines() {
        GoodsReceived zeroRated = new GoodsReceived("po-2", "r-1", DAY, "Books Ltd", List.of(
                new ReceivedLine("MANUAL", 2, Money.dkk("99.00"), Money.dkk("198.00"), BigDecimal.ZERO,
                        Money.dkk("0.00"), 0)),
                Money.dkk("198.00"), Money.dkk("0.00"), Money.dkk("198.00"), true);
        assertThat(rules.postingFor(zeroRated)).get().extracting(Posting::lines).isEqualTo(List.of(
                debit("1200", Money.dkk("198.00")), credit("2000", Money.dkk("198.00"))));
        StockCounted agreeing = new StockCounted("SCREW-4", "c-3", DAY, 3, 3, 0, Money.dkk("10.00"),
                Money.dkk("0.00"), 3, Money.dkk("30.00"));
        assertThat(rules.postingFor(agreeing)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("table")
    void eachRulePostsWhatTheTableSays(Object event, Posting expected) {
        assertThat(rules.postingFor(event)).contains(expected);
    }

    @Test
    void everyRegisteredEventTypeHasARowInTheTable() {
        Set<Class<?>> tabled = table().map(arguments -> arguments.get()[0].getClass()).collect(Collectors.toSet());
        assertThat(tabled).isEqualTo(rules.eventTypes());
    }

    @Test
    void anEventWithoutARulePostsNothing() {
        assertThat(rules.postingFor("not an event")).isEmpty();
    }

    @Test
    void anUnbalancedRuleIsCaughtNotPosted() {
        PostingRules broken = PostingRules.builder()
                .rule(JournalEntryPosted.class, e -> new Posting(e.date(), e.entryId(), e.description(),
                        List.of(debit("1000", Money.dkk("10.00")), credit("4000", Money.dkk("9.99")))))
                .build();
        assertThatThrownBy(() -> broken.postingFor(new JournalEntryPosted("je-1", DAY, "x", RENT)))
                .isInstanceOf(UnbalancedPostingException.class)
                .hasMessageContaining("unbalanced by 0.01 DKK");
    }

    @Test
    void aTypeGetsOneRuleOnly() {
        assertThatThrownBy(() -> PostingRules.builder()
                .rule(JournalEntryPosted.class, e -> null)
                .rule(JournalEntryPosted.class, e -> null))
                .isInstanceOf(IllegalStateException.class);
    }
}

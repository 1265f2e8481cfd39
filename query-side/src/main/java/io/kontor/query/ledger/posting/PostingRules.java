package io.kontor.query.ledger.posting;

import io.kontor.events.billing.CreditNoteIssued;
import io.kontor.events.billing.InvoiceIssued;
import io.kontor.events.billing.PaymentMethod;
import io.kontor.events.billing.PaymentReceived;
import io.kontor.events.hr.PayrollPaid;
import io.kontor.events.hr.PayrollRunCompleted;
import io.kontor.events.inventory.GoodsReceived;
import io.kontor.events.inventory.StockCounted;
import io.kontor.events.inventory.StockIssued;
import io.kontor.events.inventory.SupplierPaid;
import io.kontor.events.ledger.JournalEntryPosted;
import io.kontor.events.ledger.JournalEntryReversed;
import io.kontor.events.ledger.JournalLine;
import io.kontor.events.ledger.Side;
import io.kontor.shared.Money;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one place where posting rules are registered: event type to rule. Every area that posts to the ledger adds
 * its rules to {@link #standard()}. {@link #postingFor(Object)} checks what a rule produced before the ledger sees
 * it, so an unbalanced rule fails loudly instead of posting.
 */
public final class PostingRules {

    private final Map<Class<?>, PostingRule<Object>> rules;

    private PostingRules(Map<Class<?>, PostingRule<Object>> rules) {
        this.rules = Collections.unmodifiableMap(new LinkedHashMap<>(rules));
    }

    /** Kontor's rules, per DESIGN.md's posting table. */
    public static PostingRules standard() {
        return builder()
                .rule(JournalEntryPosted.class, e -> new Posting(e.date(), e.entryId(), e.description(), e.lines()))
                .rule(JournalEntryReversed.class, e -> new Posting(e.date(), e.reversalEntryId(),
                        "reversal of " + e.entryId() + ": " + e.reason(), e.lines()))
                .rule(GoodsReceived.class, e -> new Posting(e.date(), e.orderId(),
                        "goods received from " + e.supplier() + ", receipt " + e.receiptId(), lines(
                        debit("1200", e.cost()), debit("1300", e.vat()), credit("2000", e.gross()))))
                .rule(SupplierPaid.class, e -> new Posting(e.date(), e.orderId(),
                        "paid " + e.supplier() + ", payment " + e.paymentId(), lines(
                        debit("2000", e.amount()), credit("1010", e.amount()))))
                .rule(StockIssued.class, e -> new Posting(e.date(), e.issueId(),
                        "stock issued: " + e.quantity() + " × " + e.sku() + " (" + e.reason() + ")", lines(
                        debit("5000", e.total()), credit("1200", e.total()))))
                .rule(StockCounted.class, e -> new Posting(e.date(), e.countId(),
                        "stock count of " + e.sku() + ": " + e.countedQuantity() + " counted, "
                                + e.expectedQuantity() + " expected",
                        e.valueDifference().isNegative()
                                ? lines(debit("6900", e.valueDifference().negate()),
                                        credit("1200", e.valueDifference().negate()))
                                : lines(debit("1200", e.valueDifference()), credit("6900", e.valueDifference()))))
                .rule(PayrollRunCompleted.class, e -> new Posting(e.date(), "payroll-" + e.period(),
                        "payroll " + e.period() + ": " + e.payslips().size() + " employees", lines(
                        debit("6000", e.total()), credit("2200", e.total()))))
                .rule(PayrollPaid.class, e -> new Posting(e.date(), "payroll-" + e.period(),
                        "payroll " + e.period() + " paid", lines(
                        debit("2200", e.amount()), credit("1010", e.amount()))))
                .rule(InvoiceIssued.class, e -> new Posting(e.date(), e.invoiceId(),
                        "invoice " + e.invoiceId() + " to " + e.customer(), lines(
                        debit("1100", e.gross()), credit("4000", e.net()), credit("2100", e.vat()))))
                .rule(PaymentReceived.class, e -> new Posting(e.date(), e.invoiceId(),
                        "payment " + e.paymentId() + " from " + e.customer() + " (" + e.method() + ")", lines(
                        debit(e.method() == PaymentMethod.CASH ? "1000" : "1010", e.amount()),
                        credit("1100", e.amount()))))
                .rule(CreditNoteIssued.class, e -> new Posting(e.date(), e.invoiceId(),
                        "credit note " + e.creditNoteId() + " to " + e.customer() + ": " + e.reason(), lines(
                        debit("4000", e.net()), debit("2100", e.vat()), credit("1100", e.gross()))))
                .build();
    }

    private static Line debit(String account, Money amount) {
        return new Line(account, Side.DEBIT, amount);
    }

    private static Line credit(String account, Money amount) {
        return new Line(account, Side.CREDIT, amount);
    }

    /** A rule's line before it is known to be non-zero: zero amounts (a free item, zero-rated VAT) post no line. */
    private record Line(String account, Side side, Money amount) {
    }

    private static List<JournalLine> lines(Line... lines) {
        List<JournalLine> result = new ArrayList<>(lines.length);
        for (Line line : lines) {
            if (!line.amount().isZero()) {
                result.add(new JournalLine(line.account(), line.side(), line.amount()));
            }
        }
        return result;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The event types that post to the ledger. */
    public Set<Class<?>> eventTypes() {
        return rules.keySet();
    }

    /**
     * What the event posts, checked: empty when no rule is registered for its type (or the rule posts nothing).
     *
     * @throws UnbalancedPostingException when the rule's lines do not balance per currency
     */
    public Optional<Posting> postingFor(Object event) {
        PostingRule<Object> rule = rules.get(event.getClass());
        if (rule == null) {
            return Optional.empty();
        }
        Posting posting = rule.post(event);
        if (posting == null || posting.lines().isEmpty()) {
            return Optional.empty();
        }
        checkBalanced(event, posting);
        return Optional.of(posting);
    }

    private static void checkBalanced(Object event, Posting posting) {
        Map<Currency, BigDecimal> net = new LinkedHashMap<>();
        for (JournalLine line : posting.lines()) {
            BigDecimal signed = line.side() == Side.DEBIT ? line.amount().amount() : line.amount().amount().negate();
            net.merge(line.amount().currency(), signed, BigDecimal::add);
        }
        net.forEach((currency, difference) -> {
            if (difference.signum() != 0) {
                throw new UnbalancedPostingException("the posting rule for " + event.getClass().getSimpleName()
                        + " is unbalanced by " + difference.toPlainString() + " " + currency + ": " + posting);
            }
        });
    }

    /** Collects rules; one rule per event type. */
    public static final class Builder {
        private final Map<Class<?>, PostingRule<Object>> rules = new LinkedHashMap<>();

        @SuppressWarnings("unchecked")
        public <E> Builder rule(Class<E> eventType, PostingRule<? super E> rule) {
            if (rules.putIfAbsent(eventType, (PostingRule<Object>) rule) != null) {
                throw new IllegalStateException("two posting rules for " + eventType.getName());
            }
            return this;
        }

        public PostingRules build() {
            return new PostingRules(rules);
        }
    }
}

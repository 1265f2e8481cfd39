package io.kontor.command.billing;

import io.kontor.command.ledger.LedgerDirectory;
import io.kontor.events.billing.CreditNoteIssued;
import io.kontor.events.billing.InvoiceIssued;
import io.kontor.events.billing.InvoiceLine;
import io.kontor.events.billing.PaymentReceived;
import io.kontor.shared.ErrorCode;
import io.kontor.shared.KontorException;
import io.kontor.shared.Money;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A customer invoice: issued with its lines' net, VAT and gross, then paid in parts and credited in parts, never
 * beyond what is open (gross − paid − credited). Payments and credit notes are dated on or after the issue date, so
 * an aging as of any date sees an invoice before anything settles it.
 */
@Aggregate
public class Invoice {

    private static final String STREAM_PREFIX = "invoice:";
    private static final String RECEIVABLES_ACCOUNT = "1100";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    @AggregateIdentifier
    private String streamId;
    private String invoiceId;
    private String customer;
    private LocalDate issueDate;
    private Money gross;
    private Money vat;
    private Money credited;
    private Money creditedVat;
    private Money open;

    /** Axon rebuilds the invoice from its events, and creates it empty for the create-if-missing handlers. */
    protected Invoice() {
    }

    /** The invoice's stream in the log: prefixed, so a client-chosen invoice id never collides with another stream. */
    public static String streamId(String invoiceId) {
        return STREAM_PREFIX + invoiceId;
    }

    /** Create-if-missing, so that a taken id is refused by the invoice itself as {@code DUPLICATE}. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void issue(IssueInvoice command, LedgerDirectory directory) {
        if (invoiceId != null) {
            throw new KontorException(ErrorCode.DUPLICATE, "invoice " + command.invoiceId() + " already exists",
                    Map.of("field", "id"));
        }
        Currency currency = command.currency();
        directory.account(RECEIVABLES_ACCOUNT).filter(account -> !account.currency().equals(currency))
                .ifPresent(account -> {
                    throw new KontorException(ErrorCode.BUSINESS_RULE_VIOLATED, "receivables (account "
                            + RECEIVABLES_ACCOUNT + ") are kept in " + account.currency() + ", not " + currency,
                            Map.of("rule", "ACCOUNT_CURRENCY_MISMATCH", "field", "currency"));
                });
        directory.requireOpen(command.date());
        List<InvoiceLine> lines = new ArrayList<>();
        Money net = Money.zero(currency);
        Money vatTotal = Money.zero(currency);
        for (IssueInvoice.Line line : command.lines()) {
            Money lineNet = Money.rounded(line.quantity().multiply(line.unitPrice()), currency);
            Money lineVat = Money.rounded(lineNet.amount().multiply(line.vatRate()).divide(HUNDRED), currency);
            lines.add(new InvoiceLine(line.description(), line.quantity(), new Money(line.unitPrice(), currency),
                    line.vatRate(), lineNet, lineVat, lineNet.plus(lineVat)));
            net = net.plus(lineNet);
            vatTotal = vatTotal.plus(lineVat);
        }
        apply(new InvoiceIssued(command.invoiceId(), command.customer(), command.date(), command.dueDate(), lines,
                net, vatTotal, net.plus(vatTotal)));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void pay(ReceivePayment command, LedgerDirectory directory) {
        requireExists(command.invoiceId());
        requireNotBeforeIssue(command.date());
        directory.requireOpen(command.date());
        if (gross.isPositive() && credited.equals(gross)) {
            throw new KontorException(ErrorCode.BUSINESS_RULE_VIOLATED,
                    "invoice " + invoiceId + " is fully credited; nothing can be paid on it",
                    Map.of("rule", "INVOICE_CREDITED", "field", "id"));
        }
        Money amount = new Money(command.amount(), gross.currency());
        if (amount.compareTo(open) > 0) {
            throw new KontorException(ErrorCode.BUSINESS_RULE_VIOLATED,
                    "cannot pay " + amount + " on invoice " + invoiceId + ": " + open + " is open",
                    Map.of("rule", "OVERPAYMENT", "field", "amount", "open", open.amount().toPlainString()));
        }
        apply(new PaymentReceived(invoiceId, command.paymentId(), command.date(), customer, command.method(), amount,
                open.minus(amount)));
    }

    /**
     * Credits {@code amount} gross (everything open when none is given) and splits it into net and VAT in the
     * invoice's own proportion, cumulatively: after this note, the VAT credited on the invoice in total is
     * (gross credited in total) × invoice VAT / invoice gross, rounded half-even to øre, and this note's VAT is the
     * difference to what earlier notes credited; its net is its gross minus its VAT, so net + VAT = gross exactly.
     * Because VAT is at most the whole gross, neither part of a note is ever negative, the notes' VAT never exceeds
     * the invoice's VAT, and crediting the whole invoice credits exactly its net and its VAT, however many notes it
     * takes.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void credit(IssueCreditNote command, LedgerDirectory directory) {
        requireExists(command.invoiceId());
        requireNotBeforeIssue(command.date());
        directory.requireOpen(command.date());
        if (!open.isPositive()) {
            throw new KontorException(ErrorCode.BUSINESS_RULE_VIOLATED,
                    "invoice " + invoiceId + " has nothing open to credit",
                    Map.of("rule", "NOTHING_OPEN", "field", "id"));
        }
        Money amount = command.amount() == null ? open : new Money(command.amount(), gross.currency());
        if (amount.compareTo(open) > 0) {
            throw new KontorException(ErrorCode.BUSINESS_RULE_VIOLATED,
                    "cannot credit " + amount + " on invoice " + invoiceId + ": " + open + " is open",
                    Map.of("rule", "CREDIT_EXCEEDS_OPEN", "field", "amount", "open", open.amount().toPlainString()));
        }
        Money creditedAfter = credited.plus(amount);
        Money vatAfter = Money.rounded(creditedAfter.amount().multiply(vat.amount())
                .divide(gross.amount(), gross.amount().scale() + 10, RoundingMode.HALF_EVEN), gross.currency());
        Money noteVat = vatAfter.minus(creditedVat);
        apply(new CreditNoteIssued(invoiceId, command.creditNoteId(), command.date(), customer, command.reason(),
                amount.minus(noteVat), noteVat, amount, open.minus(amount)));
    }

    private void requireExists(String requested) {
        if (invoiceId == null) {
            throw new KontorException(ErrorCode.NOT_FOUND, "no invoice " + requested, Map.of("field", "id"));
        }
    }

    private void requireNotBeforeIssue(LocalDate date) {
        if (date.isBefore(issueDate)) {
            throw new KontorException(ErrorCode.BUSINESS_RULE_VIOLATED,
                    "invoice " + invoiceId + " was issued on " + issueDate + ", after " + date,
                    Map.of("rule", "BEFORE_ISSUE_DATE", "field", "date"));
        }
    }

    @EventSourcingHandler
    void on(InvoiceIssued event) {
        streamId = streamId(event.invoiceId());
        invoiceId = event.invoiceId();
        customer = event.customer();
        issueDate = event.date();
        gross = event.gross();
        vat = event.vat();
        credited = Money.zero(gross.currency());
        creditedVat = Money.zero(gross.currency());
        open = gross;
    }

    @EventSourcingHandler
    void on(PaymentReceived event) {
        open = event.openAfter();
    }

    @EventSourcingHandler
    void on(CreditNoteIssued event) {
        credited = credited.plus(event.gross());
        creditedVat = creditedVat.plus(event.vat());
        open = event.openAfter();
    }
}

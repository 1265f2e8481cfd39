package io.kontor.command.billing;

import io.kontor.command.web.CommandAnswer;
import io.kontor.command.web.Commands;
import io.kontor.events.billing.PaymentMethod;
import io.kontor.shared.Checks;
import io.kontor.shared.KontorException;
import io.kontor.shared.Money;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

@RestController
@RequestMapping("/api/invoices")
class InvoiceController {

    /** Danish moms, unless a line says otherwise. */
    static final BigDecimal DEFAULT_VAT_RATE = BigDecimal.valueOf(25);
    /** The business's own calendar: an invoice or credit note without a date is dated today in Denmark. */
    static final ZoneId BUSINESS_ZONE = ZoneId.of("Europe/Copenhagen");

    private final Commands commands;

    InvoiceController(Commands commands) {
        this.commands = commands;
    }

    record LineRequest(String description, BigDecimal quantity, BigDecimal unitPrice, BigDecimal vatRate) {
    }

    record InvoiceRequest(String id, String customer, LocalDate date, LocalDate dueDate, String currency,
                          List<LineRequest> lines) {
    }

    record PaymentRequest(String id, BigDecimal amount, PaymentMethod method, LocalDate date) {
    }

    record CreditNoteRequest(String id, BigDecimal amount, String reason, LocalDate date) {
    }

    @PostMapping
    @Operation(summary = "Issue an invoice: customer, dueDate, date (issue date, default today), currency (default "
            + "DKK), lines of description, quantity (up to 3 decimals), unitPrice, vatRate (default 25) "
            + "(role FRONT_DESK)")
    ResponseEntity<CommandAnswer> issue(@RequestBody InvoiceRequest request) {
        String id = idOrNew(request.id());
        if (request.lines() != null && request.lines().size() > IssueInvoice.MAX_LINES) {
            throw KontorException.invalidField("lines", "an invoice has at most " + IssueInvoice.MAX_LINES + " lines");
        }
        List<IssueInvoice.Line> lines = null;
        if (request.lines() != null) {
            lines = new ArrayList<>();
            for (int i = 0; i < request.lines().size(); i++) {
                LineRequest line = Checks.required(request.lines().get(i), "lines[" + i + "]");
                lines.add(new IssueInvoice.Line(line.description(), line.quantity(), line.unitPrice(),
                        line.vatRate() == null ? DEFAULT_VAT_RATE : line.vatRate()));
            }
        }
        IssueInvoice command = new IssueInvoice(id, request.customer(), dateOrToday(request.date()),
                request.dueDate(), currency(request.currency()), lines);
        return commands.created(request, id, command);
    }

    @PostMapping("/{id}/payments")
    @Operation(summary = "Record a payment on an invoice: amount (at most what is open), method CASH/CARD/BANK, "
            + "date; answers the payment's id (role FRONT_DESK)")
    ResponseEntity<CommandAnswer> pay(@PathVariable String id, @RequestBody PaymentRequest request) {
        String paymentId = idOrNew(request.id());
        ReceivePayment command = new ReceivePayment(id, paymentId, request.amount(), request.method(),
                request.date());
        return commands.acted(request, paymentId, command);
    }

    @PostMapping("/{id}/credit-note")
    @Operation(summary = "Credit an invoice: amount (gross; default everything open), reason, date (default today); "
            + "answers the credit note's id (role ACCOUNTANT)")
    ResponseEntity<CommandAnswer> credit(@PathVariable String id, @RequestBody CreditNoteRequest request) {
        String creditNoteId = idOrNew(request.id());
        IssueCreditNote command = new IssueCreditNote(id, creditNoteId, request.amount(), request.reason(),
                dateOrToday(request.date()));
        return commands.acted(request, creditNoteId, command);
    }

    private static String idOrNew(String given) {
        return given == null ? Commands.newId() : Checks.id(given, "id");
    }

    private static LocalDate dateOrToday(LocalDate date) {
        return date == null ? LocalDate.now(BUSINESS_ZONE) : date;
    }

    private static Currency currency(String code) {
        if (code == null || code.isBlank()) {
            return Money.DKK;
        }
        try {
            return Currency.getInstance(code.strip());
        } catch (IllegalArgumentException e) {
            throw KontorException.invalidField("currency", "currency is an ISO 4217 code such as DKK or EUR");
        }
    }
}

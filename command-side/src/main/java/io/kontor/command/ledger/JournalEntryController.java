package io.kontor.command.ledger;

import io.kontor.command.web.CommandAnswer;
import io.kontor.command.web.Commands;
import io.kontor.events.ledger.JournalLine;
import io.kontor.shared.Checks;
import io.kontor.shared.KontorException;
import io.kontor.shared.Money;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

@RestController
class JournalEntryController {

    private final Commands commands;

    JournalEntryController(Commands commands) {
        this.commands = commands;
    }

    record LineRequest(String account, BigDecimal debit, BigDecimal credit, Currency currency) {
    }

    record PostJournalEntryRequest(String id, LocalDate date, String description, Currency currency,
                                   List<LineRequest> lines) {
    }

    record ReversalRequest(String id, LocalDate date, String reason) {
    }

    @PostMapping("/api/journal-entries")
    @Operation(summary = "Post a manual journal entry: at least two lines, balanced in one currency (role ACCOUNTANT)")
    ResponseEntity<CommandAnswer> post(@RequestBody PostJournalEntryRequest request) {
        String id = idOrNew(request.id(), "id");
        Currency currency = request.currency() == null ? Money.DKK : request.currency();
        PostJournalEntry command = new PostJournalEntry(id, request.date(), request.description(),
                lines(request.lines(), currency));
        return commands.created(request, id, command);
    }

    @PostMapping("/api/journal-entries/{id}/reversal")
    @Operation(summary = "Reverse a journal entry by a mirror entry dated as asked; at most once (role ACCOUNTANT)")
    ResponseEntity<CommandAnswer> reverse(@PathVariable String id, @RequestBody ReversalRequest request) {
        String reversalId = idOrNew(request.id(), "id");
        ReverseJournalEntry command = new ReverseJournalEntry(Checks.id(id, "entry"), reversalId, request.date(),
                request.reason());
        return commands.created(request, reversalId, command);
    }

    @PostMapping("/api/periods/{period}/close")
    @Operation(summary = "Close an accounting month (yyyy-MM): later postings dated in it are refused (role ACCOUNTANT)")
    ResponseEntity<CommandAnswer> close(@PathVariable String period) {
        ClosePeriod command = new ClosePeriod(period);
        return commands.acted(null, command.period(), command);
    }

    /** Lines are in the entry's currency unless one says otherwise (and then the aggregate refuses the mix). */
    private static List<JournalLine> lines(List<LineRequest> lines, Currency entryCurrency) {
        if (lines == null) {
            throw KontorException.invalidField("lines", "lines are required");
        }
        if (lines.size() > PostJournalEntry.MAX_LINES) {
            throw KontorException.invalidField("lines", "a journal entry has at most " + PostJournalEntry.MAX_LINES + " lines");
        }
        List<JournalLine> result = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            LineRequest line = lines.get(i);
            String field = "lines[" + i + "]";
            if (line == null) {
                throw KontorException.invalidField(field, "a line is required");
            }
            if (line.account() == null || line.account().isBlank()) {
                throw KontorException.invalidField(field + ".account", "every line names an account");
            }
            if ((line.debit() == null) == (line.credit() == null)) {
                throw KontorException.invalidField(field, "a line has either a debit or a credit amount");
            }
            Currency currency = line.currency() == null ? entryCurrency : line.currency();
            boolean debit = line.debit() != null;
            String amountField = field + (debit ? ".debit" : ".credit");
            BigDecimal amount = debit ? line.debit() : line.credit();
            if (amount.signum() <= 0) {
                throw KontorException.invalidField(amountField, "amounts are positive");
            }
            if (amount.stripTrailingZeros().scale() > currency.getDefaultFractionDigits()) {
                throw KontorException.invalidField(amountField,
                        "amount has more than " + currency.getDefaultFractionDigits() + " decimals for " + currency);
            }
            if (amount.precision() - amount.scale() > 15) {
                throw KontorException.invalidField(amountField, "amount is too large");
            }
            Money money = new Money(amount, currency);
            result.add(debit ? JournalLine.debit(line.account(), money) : JournalLine.credit(line.account(), money));
        }
        return result;
    }

    private static String idOrNew(String given, String field) {
        return given == null ? Commands.newId() : Checks.id(given, field);
    }
}

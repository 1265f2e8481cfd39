package io.kontor.query.audit;

import io.kontor.query.ledger.LedgerReports;
import io.kontor.query.web.ViewPositionInterceptor;
import io.kontor.shared.KontorException;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.util.function.Function;

/**
 * The ledger queries with {@code ?asOfPosition=N} (role AUDITOR): the same answers, as the log stood at position N.
 * The mappings require the parameter, so without it the live view's controller answers. {@code X-Kontor-Position}
 * is N, the position the answer reflects.
 */
@RestController
class TimeTravelController {

    static final String AS_OF_POSITION = "asOfPosition";

    private final LedgerTimeTravel timeTravel;
    private final AuditLog log;
    private final Clock clock = Clock.systemUTC();

    TimeTravelController(LedgerTimeTravel timeTravel, AuditLog log) {
        this.timeTravel = timeTravel;
        this.log = log;
    }

    @GetMapping(value = "/api/trial-balance", params = AS_OF_POSITION)
    @Operation(summary = "Trial balance as the log stood at a position (role AUDITOR)")
    ResponseEntity<LedgerReports.TrialBalance> trialBalance(@RequestParam long asOfPosition,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return at(asOfPosition, reports -> reports.trialBalance(asOf));
    }

    @GetMapping(value = "/api/accounts/{code}/ledger", params = AS_OF_POSITION)
    @Operation(summary = "An account's lines as the log stood at a position (role AUDITOR)")
    ResponseEntity<LedgerReports.AccountLedger> ledger(@PathVariable String code, @RequestParam long asOfPosition,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        LocalDate until = to == null ? LocalDate.now(clock) : to;
        return at(asOfPosition, reports -> reports.ledger(code, from, until));
    }

    @GetMapping(value = "/api/accounts/{code}/balance", params = AS_OF_POSITION)
    @Operation(summary = "An account's balance as the log stood at a position (role AUDITOR)")
    ResponseEntity<LedgerReports.Balance> balance(@PathVariable String code, @RequestParam long asOfPosition,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return at(asOfPosition, reports -> reports.balance(code, asOf));
    }

    @GetMapping(value = "/api/reports/income-statement", params = AS_OF_POSITION)
    @Operation(summary = "Income statement as the log stood at a position (role AUDITOR)")
    ResponseEntity<LedgerReports.IncomeStatement> incomeStatement(@RequestParam long asOfPosition,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return at(asOfPosition, reports -> reports.incomeStatement(from, to));
    }

    @GetMapping(value = "/api/reports/balance-sheet", params = AS_OF_POSITION)
    @Operation(summary = "Balance sheet as the log stood at a position (role AUDITOR)")
    ResponseEntity<LedgerReports.BalanceSheet> balanceSheet(@RequestParam long asOfPosition,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        LocalDate date = asOf == null ? LocalDate.now(clock) : asOf;
        return at(asOfPosition, reports -> reports.balanceSheet(date));
    }

    private <T> ResponseEntity<T> at(long position, Function<LedgerReports, T> query) {
        if (position < 0) {
            throw KontorException.invalidField(AS_OF_POSITION, "asOfPosition must not be negative");
        }
        long head = log.head();
        if (position > head) {
            throw KontorException.invalidField(AS_OF_POSITION, "the log has not reached position " + position
                    + " (head " + head + ")");
        }
        return ResponseEntity.ok().header(ViewPositionInterceptor.POSITION_HEADER, Long.toString(position))
                .body(timeTravel.at(position, query));
    }
}

package io.kontor.query.ledger;

import io.kontor.query.web.ReadsView;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;

@RestController
@ReadsView(LedgerProjection.GROUP)
class LedgerController {

    private final LedgerReports reports;
    private final Clock clock = Clock.systemUTC();

    LedgerController(LedgerReports reports) {
        this.reports = reports;
    }

    @GetMapping("/api/trial-balance")
    @Operation(summary = "Trial balance, optionally as of an effective date (roles ACCOUNTANT, AUDITOR)")
    LedgerReports.TrialBalance trialBalance(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return reports.trialBalance(asOf);
    }

    @GetMapping("/api/accounts/{code}/ledger")
    @Operation(summary = "An account's lines with running balance and source event (roles ACCOUNTANT, AUDITOR)")
    LedgerReports.AccountLedger ledger(@PathVariable String code,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return reports.ledger(code, from, to == null ? LocalDate.now(clock) : to);
    }

    @GetMapping("/api/accounts/{code}/balance")
    @Operation(summary = "An account's balance, optionally as of an effective date (roles ACCOUNTANT, AUDITOR)")
    LedgerReports.Balance balance(@PathVariable String code,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return reports.balance(code, asOf);
    }

    @GetMapping("/api/reports/income-statement")
    @Operation(summary = "Revenue, expenses and net income for a date range (roles ACCOUNTANT, AUDITOR)")
    LedgerReports.IncomeStatement incomeStatement(
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return reports.incomeStatement(from, to);
    }

    @GetMapping("/api/reports/balance-sheet")
    @Operation(summary = "Assets, liabilities and equity (with current earnings) as of a date, today by default "
            + "(roles ACCOUNTANT, AUDITOR)")
    LedgerReports.BalanceSheet balanceSheet(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return reports.balanceSheet(asOf == null ? LocalDate.now(clock) : asOf);
    }
}

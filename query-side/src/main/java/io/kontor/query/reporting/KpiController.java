package io.kontor.query.reporting;

import io.kontor.query.web.ReadsView;
import io.kontor.shared.KontorException;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.Locale;

/** KPIs over time for accountants and administrators; {@code Accept: text/csv} for a spreadsheet. */
@RestController
@ReadsView(KpiProjection.GROUP)
class KpiController {

    static final int MAX_YEARS = 10;

    private final KpiGenerations live;

    KpiController(KpiGenerations live) {
        this.live = live;
    }

    @GetMapping("/api/reports/kpis")
    @Operation(summary = "A time series per KPI from..to (at most 10 years) by day, week or month (default): net "
            + "revenue, cost of goods sold, payroll cost, headcount, stock value and turns, receivables and days sales "
            + "outstanding, tickets opened and resolved, invoices issued and their gross, payments received (in all and by "
            + "method), visitors, room and meeting-room occupancy; Accept: text/csv for CSV (roles ACCOUNTANT, ADMIN)")
    Kpis.Report kpis(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                     @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                     @RequestParam(defaultValue = "month") String granularity) {
        if (to.isBefore(from)) {
            throw KontorException.invalidField("to", "to must not be before from");
        }
        if (from.plusYears(MAX_YEARS).isBefore(to)) {
            throw KontorException.invalidField("to", "a KPI report covers at most " + MAX_YEARS + " years");
        }
        Kpis.Granularity by = granularity(granularity);
        return Kpis.report(from, to, by, live.get().upTo(to), Kpis.STANDARD);
    }

    private static Kpis.Granularity granularity(String given) {
        try {
            return Kpis.Granularity.valueOf(given.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw KontorException.invalidField("granularity", "granularity is one of day, week, month");
        }
    }
}

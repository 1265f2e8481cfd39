package io.kontor.command.hr;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.kontor.events.hr.EmployeeEnrolled;
import io.kontor.events.hr.PayrollRecorded;
import io.kontor.shared.ErrorCode;
import io.kontor.shared.KontorException;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * Every employee ever hired, in one stream: each hire appends to it in the hire's own commit, so the list payroll
 * reads is exactly the log's, never a view that may lag. Each payroll run appends to it too, in the run's own commit,
 * so it knows the latest month run: a hire dated on or before that month's end is refused here, against the same
 * sequence numbers the run appended to, so a hire and a run racing in two processes conflict instead of both landing.
 * It has no command handlers; {@link Staff} drives it.
 */
@Aggregate(snapshotTriggerDefinition = "hrSnapshotTrigger")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class EmployeeRegistry {

    /** The one registry's stream. */
    public static final String STREAM_ID = "employees:registry";

    @AggregateIdentifier
    private String registryId;
    private List<String> employeeIds = new ArrayList<>();
    /** The latest month whose payroll has been run (yyyy-MM), or null. */
    private String latestPayroll;

    /** Axon rebuilds the registry from its events, and creates it empty on the first hire. */
    protected EmployeeRegistry() {
    }

    void enrol(String employeeId, LocalDate startDate) {
        requireNotPaid(latestPayroll(), startDate, "startDate");
        apply(new EmployeeEnrolled(STREAM_ID, employeeId));
    }

    void recordPayroll(YearMonth period) {
        apply(new PayrollRecorded(STREAM_ID, period.toString()));
    }

    List<String> employeeIds() {
        return List.copyOf(employeeIds);
    }

    Optional<YearMonth> latestPayroll() {
        return Optional.ofNullable(latestPayroll).map(YearMonth::parse);
    }

    /**
     * Refuses {@code date} (in {@code field}) when it is on or before the last day of {@code latest}, the latest month
     * whose payroll has been run: a change dated there would make the history differ from what was paid.
     */
    static void requireNotPaid(Optional<YearMonth> latest, LocalDate date, String field) {
        latest.filter(period -> !date.isAfter(period.atEndOfMonth())).ifPresent(period -> {
            throw new KontorException(ErrorCode.BUSINESS_RULE_VIOLATED, "the payroll of " + period
                    + " has been run; nothing that changes pay can be dated " + date + ", on or before "
                    + period.atEndOfMonth(), Map.of("rule", "PAYROLL_ALREADY_RUN_FOR_PERIOD", "field", field,
                    "period", period.toString()));
        });
    }

    @EventSourcingHandler
    void on(EmployeeEnrolled event) {
        registryId = event.registryId();
        employeeIds.add(event.employeeId());
    }

    @EventSourcingHandler
    void on(PayrollRecorded event) {
        registryId = event.registryId();
        if (latestPayroll == null || YearMonth.parse(event.period()).isAfter(YearMonth.parse(latestPayroll))) {
            latestPayroll = event.period();
        }
    }
}

package io.kontor.query.hr;

import com.mongodb.client.MongoDatabase;
import io.kontor.eventlog.testing.TestMongo;
import io.kontor.query.common.ProjectionHarness;
import io.kontor.query.common.Views;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Applies events to the HR views on a fresh database through the projection's own handlers, in batches the way the
 * processor does (one unit of work per batch, flushed at commit), without starting Axon's processors.
 */
public final class HrHarness {

    public final MongoDatabase database = TestMongo.freshDatabase();
    private final Views views = new Views(database);
    private final EmployeeController queries = new EmployeeController(views);
    private final RosterController roster = new RosterController(views);
    private final ProjectionHarness projection = new ProjectionHarness(new HrProjection(views));

    /** Appends the events at the next positions and applies them as one batch. */
    public long batch(List<?> events) {
        return projection.batch(events.toArray());
    }

    /** Applies the events from {@code firstPosition} on again, as a redelivery after a crash does. */
    public void redeliver(long firstPosition, int count) {
        projection.redeliver(firstPosition, count);
    }

    public RosterController.Roster roster(LocalDate from, LocalDate to, String department) {
        return roster.roster(from, to, department);
    }

    public EmployeeController.EmployeeDetail employee(String id, LocalDate asOf) {
        return queries.employee(id, asOf);
    }

    public EmployeeController.Headcount headcount(LocalDate asOf) {
        return queries.headcount(asOf);
    }

    /** What the payroll view says is run and not yet paid. */
    public BigDecimal unpaidPayroll() {
        return new BigDecimal(queries.payrollRuns().unpaid());
    }

    /** The total of the month's run as the payroll view shows it, zero if it was not run. */
    public BigDecimal runTotal(String period) {
        return queries.payrollRuns().runs().stream().filter(run -> run.period().equals(period))
                .map(run -> new BigDecimal(run.total())).findFirst().orElse(BigDecimal.ZERO);
    }
}

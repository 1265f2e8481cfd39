package io.kontor.query.hr;

import com.mongodb.client.MongoDatabase;
import io.kontor.eventlog.testing.TestMongo;
import io.kontor.query.common.Views;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
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
    private final AnnotationEventHandlerAdapter handlers =
            new AnnotationEventHandlerAdapter(new HrProjection(views));
    private final List<Object> log = new ArrayList<>();

    /** Appends the events at the next positions and applies them as one batch. */
    public long batch(List<?> events) {
        long first = log.size() + 1;
        log.addAll(events);
        applyAt(first, events);
        return first;
    }

    /** Applies the events from {@code firstPosition} on again, as a redelivery after a crash does. */
    public void redeliver(long firstPosition, int count) {
        applyAt(firstPosition, log.subList((int) firstPosition - 1, (int) firstPosition - 1 + count));
    }

    private void applyAt(long firstPosition, List<?> events) {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        try {
            long position = firstPosition;
            for (Object event : events) {
                handlers.handle(new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(position++),
                        GenericEventMessage.asEventMessage(event)));
            }
        } catch (Exception e) {
            batch.rollback(e);
            throw new IllegalStateException(e);
        }
        batch.commit();
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

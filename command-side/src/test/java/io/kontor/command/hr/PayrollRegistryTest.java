package io.kontor.command.hr;

import io.kontor.command.ledger.LedgerDirectory;
import io.kontor.events.hr.EmployeeEnrolled;
import io.kontor.events.hr.PayrollRecorded;
import io.kontor.events.hr.PayrollRunCompleted;
import io.kontor.events.hr.SalaryChanged;
import io.kontor.shared.KontorException;
import io.kontor.shared.Money;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The run's month in the registry, through Axon's repositories and an in-memory log: what RepositoryStaff reads. */
class PayrollRegistryTest {

    private static final YearMonth MARCH = YearMonth.of(2027, 3);

    private final InMemoryEventStorageEngine log = new InMemoryEventStorageEngine();
    private Configuration axon;

    @BeforeEach
    void start() {
        AtomicReference<Staff> real = new AtomicReference<>();
        axon = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> log)
                .configureAggregate(Employee.class)
                .configureAggregate(EmployeeRegistry.class)
                .configureAggregate(Shift.class)
                .configureAggregate(Payroll.class)
                .registerComponent(LedgerDirectory.class, c -> new LedgerDirectory() {
                    @Override
                    public Optional<AccountInfo> account(String code) {
                        return Optional.empty();
                    }

                    @Override
                    public boolean isClosed(YearMonth period) {
                        return false;
                    }
                })
                // Lazily: the handlers take Staff, and Staff takes the repositories.
                .registerComponent(Staff.class, c -> (Staff) Proxy.newProxyInstance(Staff.class.getClassLoader(),
                        new Class<?>[] {Staff.class}, (proxy, method, args) -> {
                            Staff staff = real.updateAndGet(s -> s != null ? s : new RepositoryStaff(
                                    c.repository(Employee.class), c.repository(EmployeeRegistry.class),
                                    c.repository(Shift.class), c.eventStore()));
                            try {
                                return method.invoke(staff, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        }))
                .buildConfiguration();
        axon.start();
    }

    @AfterEach
    void stop() {
        axon.shutdown();
    }

    private void send(Object command) {
        axon.commandGateway().sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .withMetaData(MetaData.with("user", "hr")));
    }

    private List<Object> events() {
        return log.readEvents(null, false).map(EventMessage::getPayload).map(Object.class::cast).toList();
    }

    private static String rule(Throwable refused) {
        return String.valueOf(((KontorException) refused).properties().get("rule"));
    }

    @Test
    void aRunRecordsItsMonthInTheRegistryAndNothingDatedInItIsAcceptedAfterwards() {
        send(new HireEmployee("anna", "Anna Berg", "Reception", "Receptionist", Money.dkk("31000.00"),
                LocalDate.of(2027, 1, 1)));
        send(new RunPayroll(MARCH));
        assertThat(events()).hasSize(4);
        assertThat(events().get(2)).isInstanceOf(PayrollRunCompleted.class);
        assertThat(events().get(3)).isEqualTo(new PayrollRecorded(EmployeeRegistry.STREAM_ID, "2027-03"));
        assertThat(axon.getComponent(Staff.class).latestPayroll()).contains(MARCH);

        assertThatThrownBy(() -> send(new ChangeSalary("anna", Money.dkk("32000.00"), LocalDate.of(2027, 3, 31))))
                .satisfies(e -> assertThat(rule(e)).isEqualTo("PAYROLL_ALREADY_RUN_FOR_PERIOD"));
        assertThatThrownBy(() -> send(new HireEmployee("bo", "Bo Holm", "Kitchen", "Cook", Money.dkk("28000.00"),
                LocalDate.of(2027, 2, 1))))
                .satisfies(e -> assertThat(rule(e)).isEqualTo("PAYROLL_ALREADY_RUN_FOR_PERIOD"));
        assertThat(events()).hasSize(4);

        send(new ChangeSalary("anna", Money.dkk("32000.00"), LocalDate.of(2027, 4, 1)));
        send(new HireEmployee("bo", "Bo Holm", "Kitchen", "Cook", Money.dkk("28000.00"), LocalDate.of(2027, 4, 1)));
        assertThat(events().subList(4, events().size())).hasSize(3).contains(
                new SalaryChanged("anna", Money.dkk("32000.00"), LocalDate.of(2027, 4, 1)),
                new EmployeeEnrolled(EmployeeRegistry.STREAM_ID, "bo"));
    }

    @Test
    void aRunWithNoEmployeesYetStillRecordsItsMonth() {
        send(new RunPayroll(MARCH));
        assertThat(events()).last().isEqualTo(new PayrollRecorded(EmployeeRegistry.STREAM_ID, "2027-03"));
        assertThat(axon.getComponent(Staff.class).latestPayroll()).contains(MARCH);
    }
}

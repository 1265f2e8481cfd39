package io.kontor.command.hr;

import io.kontor.command.ledger.LedgerDirectory;
import io.kontor.events.hr.PayrollPaid;
import io.kontor.events.hr.PayrollRunCompleted;
import io.kontor.events.hr.Payslip;
import io.kontor.shared.ErrorCode;
import io.kontor.shared.KontorException;
import io.kontor.shared.Money;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One month's payroll: run once, from the employees the registry lists and each employee's own stream, then paid
 * in full. Its stream is per month, so a second run of the same month is refused by the first one's event, and two
 * runs at once conflict on the stream's first sequence number. The run also notes its month in the registry, in
 * its own commit, so that nothing dated on or before the month's end is accepted afterwards, and a hire racing the
 * run conflicts with it on the registry's sequence numbers.
 */
@Aggregate
public class Payroll {

    private static final String STREAM_PREFIX = "payroll:";

    @AggregateIdentifier
    private String streamId;
    private String period;
    private Money total;
    private boolean paid;

    /** Axon rebuilds the payroll from its events, and creates it empty for the create-if-missing handlers. */
    protected Payroll() {
    }

    public static String streamId(YearMonth period) {
        return STREAM_PREFIX + period;
    }

    /** Create-if-missing, so that a second run of a month is refused by the first one as a conflict. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void run(RunPayroll command, Staff staff, LedgerDirectory directory) {
        if (period != null) {
            throw new KontorException(ErrorCode.CONFLICT, "the payroll of " + period + " has already been run",
                    Map.of("rule", "PAYROLL_ALREADY_RUN", "field", "period"));
        }
        LocalDate date = command.period().atEndOfMonth();
        requireOpen(date, directory, "period");
        List<Payslip> payslips = new ArrayList<>();
        for (String employeeId : staff.employees()) {
            staff.payslip(employeeId, command.period()).ifPresent(payslips::add);
        }
        payslips.sort(Comparator.comparing(Payslip::employeeId));
        Money sum = payslips.stream().map(Payslip::gross).reduce(Money.zero(Money.DKK), Money::plus);
        apply(new PayrollRunCompleted(command.period().toString(), date, payslips, sum));
        staff.recordPayroll(command.period());
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void pay(PayPayroll command, LedgerDirectory directory) {
        if (period == null) {
            throw new KontorException(ErrorCode.NOT_FOUND, "the payroll of " + command.period() + " has not been run",
                    Map.of("field", "period"));
        }
        if (paid) {
            throw new KontorException(ErrorCode.CONFLICT, "the payroll of " + period + " is already paid",
                    Map.of("rule", "PAYROLL_ALREADY_PAID"));
        }
        if (command.date().isBefore(command.period().atDay(1))) {
            throw new KontorException(ErrorCode.BUSINESS_RULE_VIOLATED,
                    "the payroll of " + period + " cannot be paid before the month begins",
                    Map.of("rule", "PAID_BEFORE_PERIOD", "field", "date"));
        }
        requireOpen(command.date(), directory, "date");
        apply(new PayrollPaid(period, command.date(), total));
    }

    private static void requireOpen(LocalDate date, LedgerDirectory directory, String field) {
        YearMonth month = YearMonth.from(date);
        if (directory.isClosed(month)) {
            throw new KontorException(ErrorCode.BUSINESS_RULE_VIOLATED, "period " + month + " is closed",
                    Map.of("rule", "PERIOD_CLOSED", "field", field, "period", month.toString()));
        }
    }

    @EventSourcingHandler
    void on(PayrollRunCompleted event) {
        streamId = STREAM_PREFIX + event.period();
        period = event.period();
        total = event.total();
    }

    @EventSourcingHandler
    void on(PayrollPaid event) {
        paid = true;
    }
}

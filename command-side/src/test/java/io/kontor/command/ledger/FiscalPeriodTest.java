package io.kontor.command.ledger;

import io.kontor.events.ledger.PeriodClosed;
import io.kontor.shared.KontorException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FiscalPeriodTest {

    private final AggregateTestFixture<FiscalPeriod> fixture = new AggregateTestFixture<>(FiscalPeriod.class);

    @Test
    void anOpenMonthCanBeClosed() {
        fixture.givenNoPriorActivity()
                .when(new ClosePeriod("2026-10"))
                .expectEvents(new PeriodClosed("2026-10"));
    }

    @Test
    void aMonthIsClosedOnlyOnce() {
        fixture.given(new PeriodClosed("2026-10"))
                .when(new ClosePeriod("2026-10"))
                .expectNoEvents()
                .expectException(KontorException.class)
                .expectExceptionMessage("period 2026-10 is already closed");
    }

    @Test
    void aPeriodThatIsNotAMonthNeverReachesTheAggregate() {
        assertThatThrownBy(() -> new ClosePeriod("2026-13")).isInstanceOf(KontorException.class);
        assertThatThrownBy(() -> new ClosePeriod("november")).isInstanceOf(KontorException.class);
    }
}

package io.kontor.command.ledger;

import io.kontor.events.ledger.AccountType;
import io.kontor.events.ledger.JournalEntryPosted;
import io.kontor.events.ledger.JournalEntryReversed;
import io.kontor.events.ledger.JournalLine;
import io.kontor.shared.ErrorCode;
import io.kontor.shared.KontorException;
import io.kontor.shared.Money;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.kontor.events.ledger.JournalLine.credit;
import static io.kontor.events.ledger.JournalLine.debit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JournalEntryTest {

    private static final LocalDate DATE = LocalDate.of(2026, 11, 27);
    private static final List<JournalLine> RENT = List.of(
            debit("6000", Money.dkk("1250.00")), credit("1010", Money.dkk("1250.00")));

    private final FakeDirectory directory = new FakeDirectory();
    private AggregateTestFixture<JournalEntry> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(JournalEntry.class);
        fixture.registerInjectableResource(directory);
    }

    @Test
    void aBalancedEntryOnOpenAccountsIsPosted() {
        fixture.givenNoPriorActivity()
                .when(new PostJournalEntry("je-1", DATE, "rent", RENT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new JournalEntryPosted("je-1", DATE, "rent", RENT));
    }

    @Test
    void anUnbalancedEntryIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new PostJournalEntry("je-1", DATE, "rent", List.of(
                        debit("6000", Money.dkk("1250.00")), credit("1010", Money.dkk("1249.99")))))
                .expectNoEvents()
                .expectException(KontorException.class)
                .expectExceptionMessage("debits 1250.00 DKK do not equal credits 1249.99 DKK");
    }

    @Test
    void anEntryMixingCurrenciesIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new PostJournalEntry("je-1", DATE, "fx", List.of(
                        debit("6000", Money.dkk("10.00")), credit("1010", Money.of("10.00", "EUR")))))
                .expectNoEvents()
                .expectException(KontorException.class);
    }

    @Test
    void anEntryOnAnUnknownAccountIsRefusedAsNotFound() {
        fixture.givenNoPriorActivity()
                .when(new PostJournalEntry("je-1", DATE, "rent", List.of(
                        debit("6666", Money.dkk("1.00")), credit("1010", Money.dkk("1.00")))))
                .expectNoEvents()
                .expectException(KontorException.class)
                .expectExceptionMessage("no account 6666");
    }

    @Test
    void anEntryInAnotherCurrencyThanItsAccountsIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new PostJournalEntry("je-1", DATE, "eur rent", List.of(
                        debit("6000", Money.of("5.00", "EUR")), credit("1010", Money.of("5.00", "EUR")))))
                .expectNoEvents()
                .expectException(KontorException.class)
                .expectExceptionMessage("account 6000 is kept in DKK, not EUR");
    }

    @Test
    void anEntryDatedInAClosedPeriodIsRefused() {
        directory.closed.add(YearMonth.from(DATE));
        fixture.givenNoPriorActivity()
                .when(new PostJournalEntry("je-1", DATE, "rent", RENT))
                .expectNoEvents()
                .expectException(KontorException.class)
                .expectExceptionMessage("period 2026-11 is closed");
    }

    @Test
    void aReversalPostsTheMirroredLines() {
        fixture.given(new JournalEntryPosted("je-1", DATE, "rent", RENT))
                .when(new ReverseJournalEntry("je-1", "je-2", DATE.plusDays(3), "wrong month"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new JournalEntryReversed("je-1", "je-2", DATE.plusDays(3), "wrong month", List.of(
                        credit("6000", Money.dkk("1250.00")), debit("1010", Money.dkk("1250.00")))));
    }

    @Test
    void anEntryIsReversedAtMostOnce() {
        fixture.given(new JournalEntryPosted("je-1", DATE, "rent", RENT),
                        new JournalEntryReversed("je-1", "je-2", DATE, "oops", RENT.stream().map(JournalLine::mirrored).toList()))
                .when(new ReverseJournalEntry("je-1", "je-3", DATE, "again"))
                .expectNoEvents()
                .expectException(KontorException.class)
                .expectExceptionMessage("journal entry je-1 was already reversed by je-2");
    }

    @Test
    void aReversalIntoAClosedPeriodIsRefused() {
        directory.closed.add(YearMonth.of(2026, 12));
        fixture.given(new JournalEntryPosted("je-1", DATE, "rent", RENT))
                .when(new ReverseJournalEntry("je-1", "je-2", LocalDate.of(2026, 12, 1), "late"))
                .expectNoEvents()
                .expectException(KontorException.class)
                .expectExceptionMessage("period 2026-12 is closed");
    }

    @Test
    void aReversalCannotPredateItsEntry() {
        fixture.given(new JournalEntryPosted("je-1", DATE, "rent", RENT))
                .when(new ReverseJournalEntry("je-1", "je-2", DATE.minusDays(1), "back in time"))
                .expectNoEvents()
                .expectException(KontorException.class);
    }

    @Test
    void aOneLineEntryNeverReachesTheAggregate() {
        assertThatThrownBy(() -> new PostJournalEntry("je-1", DATE, "one", List.of(debit("6000", Money.dkk("1.00")))))
                .isInstanceOfSatisfying(KontorException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
                    assertThat(e.properties()).containsEntry("field", "lines");
                });
    }

    @Test
    void anOverPreciseAmountIsRefusedAsInvalid() {
        assertThatThrownBy(() -> Money.dkk("1.005"))
                .isInstanceOfSatisfying(KontorException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED));
    }

    /** A directory with the default chart's DKK accounts and a set of closed months. */
    static final class FakeDirectory implements LedgerDirectory {
        final Set<YearMonth> closed = new HashSet<>();
        private final Map<String, AccountInfo> accounts = Map.of(
                "1010", new AccountInfo("1010", AccountType.ASSET, Currency.getInstance("DKK")),
                "6000", new AccountInfo("6000", AccountType.EXPENSE, Currency.getInstance("DKK")));

        @Override
        public Optional<AccountInfo> account(String code) {
            return Optional.ofNullable(accounts.get(code));
        }

        @Override
        public boolean isClosed(YearMonth period) {
            return closed.contains(period);
        }
    }
}

package io.kontor.command.ledger;

import io.kontor.events.ledger.AccountOpened;
import io.kontor.events.ledger.AccountType;
import io.kontor.shared.ErrorCode;
import io.kontor.shared.KontorException;
import io.kontor.shared.Money;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

class AccountTest {

    private AggregateTestFixture<Account> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Account.class);
    }

    @Test
    void opensAnAccountUnderItsCode() {
        fixture.givenNoPriorActivity()
                .when(new OpenAccount("1000", "Cash", AccountType.ASSET, Money.DKK))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new AccountOpened("1000", "Cash", AccountType.ASSET, Money.DKK));
    }

    @Test
    void secondAccountWithATakenCodeIsRefusedAsDuplicate() {
        fixture.given(new AccountOpened("1000", "Cash", AccountType.ASSET, Money.DKK))
                .when(new OpenAccount("1000", "Petty cash", AccountType.ASSET, Money.DKK))
                .expectNoEvents()
                .expectException(KontorException.class)
                .expectExceptionMessage("account 1000 already exists")
                .expectException(withCode(ErrorCode.DUPLICATE));
    }

    static Matcher<Throwable> withCode(ErrorCode code) {
        return new FeatureMatcher<>(equalTo(code), "error code", "code") {
            @Override
            protected ErrorCode featureValueOf(Throwable actual) {
                return actual instanceof KontorException k ? k.code() : null;
            }
        };
    }

    @Test
    void theDefaultChartHasThirteenDistinctAccounts() {
        assertThat(ChartOfAccountsSeeder.DEFAULT_CHART).hasSize(13)
                .extracting(OpenAccount::code).doesNotHaveDuplicates();
    }
}

package io.kontor.command.ledger;

import io.kontor.events.ledger.AccountType;
import io.kontor.shared.ErrorCode;
import io.kontor.shared.KontorException;
import io.kontor.shared.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Currency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class OpenAccountTest {

    @ParameterizedTest(name = "[{index}] code={0} name={1} type={2} -> {3}")
    @CsvSource(nullValues = "NULL", value = {
            "NULL, Cash, ASSET, code",
            "'', Cash, ASSET, code",
            "100, Cash, ASSET, code",
            "10000, Cash, ASSET, code",
            "10a0, Cash, ASSET, code",
            "1000, NULL, ASSET, name",
            "1000, '   ', ASSET, name",
            "1000, Cash, NULL, type",
    })
    void refusesBadInputNamingTheField(String code, String name, AccountType type, String field) {
        KontorException e = catchThrowableOfType(KontorException.class,
                () -> new OpenAccount(code, name, type, Money.DKK));
        assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
        assertThat(e.properties()).containsEntry("field", field);
    }

    @Test
    void refusesANameLongerThanAHundredCharacters() {
        KontorException e = catchThrowableOfType(KontorException.class,
                () -> new OpenAccount("1000", "x".repeat(101), AccountType.ASSET, Money.DKK));
        assertThat(e.properties()).containsEntry("field", "name");
    }

    @Test
    void refusesAMissingCurrency() {
        KontorException e = catchThrowableOfType(KontorException.class,
                () -> new OpenAccount("1000", "Cash", AccountType.ASSET, null));
        assertThat(e.properties()).containsEntry("field", "currency");
    }

    @Test
    void trimsTheName() {
        assertThat(new OpenAccount("1000", "  Cash ", AccountType.ASSET, Currency.getInstance("EUR")).name())
                .isEqualTo("Cash");
    }
}

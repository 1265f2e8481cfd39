package io.kontor.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Absurd amounts are refused as a 400 on the field, cheaply: never scaled into a billion-digit number first. */
class MoneyLimitsTest {

    @Test
    @Timeout(5)
    void anEnormousExponentIsRefusedWithoutBuildingTheNumber() {
        assertThatThrownBy(() -> Money.dkk("1e999999999"))
                .isInstanceOfSatisfying(KontorException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    @Timeout(5)
    void aTinyExponentIsRefusedWithoutPrintingTheNumber() {
        assertThatThrownBy(() -> Money.dkk("1e-999999999"))
                .isInstanceOfSatisfying(KontorException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void fortyDigitsAreRefusedAndTwentyAreKept() {
        assertThatThrownBy(() -> Money.dkk("1234567890123456789012345678901234567890"))
                .isInstanceOf(KontorException.class);
        assertThat(Money.dkk("12345678901234567890").amount()).isEqualByComparingTo(new BigDecimal("12345678901234567890"));
        assertThat(Money.dkk("0").isZero()).isTrue();
    }
}

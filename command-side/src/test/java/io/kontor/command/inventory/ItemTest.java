package io.kontor.command.inventory;

import io.kontor.events.inventory.ItemRegistered;
import io.kontor.events.inventory.StockCounted;
import io.kontor.events.inventory.StockIssued;
import io.kontor.events.inventory.StockReceived;
import io.kontor.shared.ErrorCode;
import io.kontor.shared.KontorException;
import io.kontor.shared.Money;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;

import static org.hamcrest.Matchers.equalTo;

public class ItemTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 27);
    private static final ItemRegistered SCREWS = new ItemRegistered("SCREW-4", "Screw 4 mm", "box", 10);

    private final OpenPeriods periods = new OpenPeriods();
    private AggregateTestFixture<Item> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Item.class);
        fixture.registerInjectableResource(periods);
    }

    private static StockReceived received(long quantity, String unitCost, long onHand, String value) {
        Money cost = StockLevel.cost(quantity, Money.dkk(unitCost));
        return new StockReceived("SCREW-4", "po-1", "r-1", DAY, quantity, Money.dkk(unitCost), cost, onHand,
                Money.dkk(value));
    }

    @Test
    void registersAnItemUnderItsSku() {
        fixture.givenNoPriorActivity()
                .when(new RegisterItem("SCREW-4", "Screw 4 mm", "box", 10))
                .expectSuccessfulHandlerExecution()
                .expectEvents(SCREWS);
    }

    @Test
    void aTakenSkuIsRefusedAsDuplicate() {
        fixture.given(SCREWS)
                .when(new RegisterItem("SCREW-4", "Other screw", "pcs", 0))
                .expectNoEvents()
                .expectException(withCode(ErrorCode.DUPLICATE));
    }

    @Test
    void issuesAtTheMovingWeightedAverageCost() {
        fixture.given(SCREWS, received(3, "10.00", 3, "30.00"), received(1, "11.00", 4, "41.00"))
                .when(new IssueStock("SCREW-4", "i-1", DAY, 1, "workshop"))
                .expectEvents(new StockIssued("SCREW-4", "i-1", DAY, "workshop", 1, Money.dkk("10.25"),
                        Money.dkk("10.25"), 3, Money.dkk("30.75")));
    }

    @Test
    void anIssueRoundsHalfEvenToOere() {
        fixture.given(SCREWS, received(3, "10.00", 3, "30.00"), received(3, "0.01", 6, "30.03"))
                .when(new IssueStock("SCREW-4", "i-1", DAY, 1, "workshop"))
                // 30.03 / 6 = 5.005: half-even rounds to 5.00, and the remaining value is exactly 25.03
                .expectEvents(new StockIssued("SCREW-4", "i-1", DAY, "workshop", 1, Money.dkk("5.00"),
                        Money.dkk("5.00"), 5, Money.dkk("25.03")));
    }

    @Test
    void anIssueOfAllRemainingStockTakesExactlyTheRemainingValue() {
        fixture.given(SCREWS, received(3, "3.33", 3, "9.99"),
                        new StockIssued("SCREW-4", "i-1", DAY, "x", 1, Money.dkk("3.33"), Money.dkk("3.33"), 2,
                                Money.dkk("6.67")))
                .when(new IssueStock("SCREW-4", "i-2", DAY, 2, "workshop"))
                // 2 × 3.335 = 6.67: all of it, not 2 × the rounded 3.34 = 6.68
                .expectEvents(new StockIssued("SCREW-4", "i-2", DAY, "workshop", 2, Money.dkk("3.34"),
                        Money.dkk("6.67"), 0, Money.dkk("0.00")));
    }

    @Test
    void cannotIssueMoreThanIsOnHand() {
        fixture.given(SCREWS, received(3, "10.00", 3, "30.00"))
                .when(new IssueStock("SCREW-4", "i-1", DAY, 4, "workshop"))
                .expectNoEvents()
                .expectException(withRule("INSUFFICIENT_STOCK"));
    }

    @Test
    void issuingAnUnknownItemIsRefusedAsNotFound() {
        fixture.givenNoPriorActivity()
                .when(new IssueStock("NOPE", "i-1", DAY, 1, "workshop"))
                .expectNoEvents()
                .expectException(withCode(ErrorCode.NOT_FOUND));
    }

    @Test
    void issuingIntoAClosedMonthIsRefused() {
        periods.closed.add(YearMonth.from(DAY));
        fixture.given(SCREWS, received(3, "10.00", 3, "30.00"))
                .when(new IssueStock("SCREW-4", "i-1", DAY, 1, "workshop"))
                .expectNoEvents()
                .expectException(withRule("PERIOD_CLOSED"));
    }

    @Test
    void aCountShortfallIsALossAtTheAverageCost() {
        fixture.given(SCREWS, received(3, "10.00", 3, "30.00"), received(1, "11.00", 4, "41.00"))
                .when(new CountStock("SCREW-4", "c-1", DAY, 3))
                .expectEvents(new StockCounted("SCREW-4", "c-1", DAY, 4, 3, -1, Money.dkk("10.25"),
                        Money.dkk("-10.25"), 3, Money.dkk("30.75")));
    }

    @Test
    void aCountOfNothingTakesExactlyTheRemainingValue() {
        fixture.given(SCREWS, received(3, "3.33", 3, "9.99"))
                .when(new CountStock("SCREW-4", "c-1", DAY, 0))
                .expectEvents(new StockCounted("SCREW-4", "c-1", DAY, 3, 0, -3, Money.dkk("3.33"),
                        Money.dkk("-9.99"), 0, Money.dkk("0.00")));
    }

    @Test
    void aCountSurplusIsAGainAtTheAverageCost() {
        fixture.given(SCREWS, received(3, "10.00", 3, "30.00"), received(1, "11.00", 4, "41.00"))
                .when(new CountStock("SCREW-4", "c-1", DAY, 6))
                .expectEvents(new StockCounted("SCREW-4", "c-1", DAY, 4, 6, 2, Money.dkk("10.25"),
                        Money.dkk("20.50"), 6, Money.dkk("61.50")));
    }

    @Test
    void aSurplusWithNothingOnHandIsValuedAtTheLastReceiptsUnitCost() {
        fixture.given(SCREWS, received(2, "4.50", 2, "9.00"),
                        new StockIssued("SCREW-4", "i-1", DAY, "x", 2, Money.dkk("4.50"), Money.dkk("9.00"), 0,
                                Money.dkk("0.00")))
                .when(new CountStock("SCREW-4", "c-1", DAY, 1))
                .expectEvents(new StockCounted("SCREW-4", "c-1", DAY, 0, 1, 1, Money.dkk("4.50"),
                        Money.dkk("4.50"), 1, Money.dkk("4.50")));
    }

    @Test
    void aCountThatAgreesWithTheStockIsRecordedWithoutADifference() {
        fixture.given(SCREWS, received(3, "10.00", 3, "30.00"))
                .when(new CountStock("SCREW-4", "c-1", DAY, 3))
                .expectEvents(new StockCounted("SCREW-4", "c-1", DAY, 3, 3, 0, Money.dkk("10.00"),
                        Money.dkk("0.00"), 3, Money.dkk("30.00")));
    }

    @Test
    void countingAnUnknownItemIsRefusedAsNotFound() {
        fixture.givenNoPriorActivity()
                .when(new CountStock("NOPE", "c-1", DAY, 1))
                .expectNoEvents()
                .expectException(withCode(ErrorCode.NOT_FOUND));
    }

    public static Matcher<Throwable> withCode(ErrorCode code) {
        return new FeatureMatcher<>(equalTo(code), "error code", "code") {
            @Override
            protected ErrorCode featureValueOf(Throwable actual) {
                return actual instanceof KontorException k ? k.code() : null;
            }
        };
    }

    public static Matcher<Throwable> withRule(String rule) {
        return new FeatureMatcher<>(equalTo(rule), "rule", "rule") {
            @Override
            protected String featureValueOf(Throwable actual) {
                return actual instanceof KontorException k ? String.valueOf(k.properties().get("rule")) : null;
            }
        };
    }
}

package io.kontor.command.inventory;

import io.kontor.events.inventory.GoodsReceived;
import io.kontor.events.inventory.ItemRegistered;
import io.kontor.events.inventory.OrderLine;
import io.kontor.events.inventory.PurchaseOrderApproved;
import io.kontor.events.inventory.PurchaseOrderRaised;
import io.kontor.events.inventory.ReceivedLine;
import io.kontor.events.inventory.StockReceived;
import io.kontor.events.inventory.SupplierPaid;
import io.kontor.shared.ErrorCode;
import io.kontor.shared.Money;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static io.kontor.command.inventory.ItemTest.withCode;
import static io.kontor.command.inventory.ItemTest.withRule;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order's behaviours. Receipts run against a real Axon repository of items on an in-memory store of their own,
 * so the test sees the items' events the receipt appends in the order's unit of work.
 */
class PurchaseOrderTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 27);
    private static final BigDecimal VAT = BigDecimal.valueOf(25);
    private static final List<OrderLine> LINES = List.of(
            new OrderLine("SCREW-4", 10, Money.dkk("2.35"), VAT),
            new OrderLine("MANUAL", 2, Money.dkk("99.00"), BigDecimal.ZERO));
    private static final PurchaseOrderRaised RAISED = new PurchaseOrderRaised("po-1", "Bolt & Co", "sara", LINES);
    private static final PurchaseOrderApproved APPROVED = new PurchaseOrderApproved("po-1", "anna");
    private static final Map<String, Object> AS_SARA = Map.of("user", "sara");
    private static final Map<String, Object> AS_ANNA = Map.of("user", "anna");

    private final OpenPeriods periods = new OpenPeriods();
    private final EmbeddedEventStore itemEvents = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    private AggregateTestFixture<PurchaseOrder> fixture;

    @BeforeEach
    void setUp() {
        register(new ItemRegistered("SCREW-4", "Screw 4 mm", "box", 10));
        register(new ItemRegistered("MANUAL", "Manual", "pcs", 0));
        fixture = new AggregateTestFixture<>(PurchaseOrder.class);
        fixture.registerInjectableResource(periods);
        fixture.registerInjectableResource(new ItemRepositoryStock(
                EventSourcingRepository.builder(Item.class).eventStore(itemEvents).build(), itemEvents));
    }

    private void register(ItemRegistered item) {
        itemEvents.publish(new GenericDomainEventMessage<>("Item", Item.streamId(item.sku()), 0, item));
    }

    private List<Object> itemEvents(String sku) {
        return itemEvents.readEvents(Item.streamId(sku)).asStream().<Object>map(DomainEventMessage::getPayload).toList();
    }

    @Test
    void raisesAnOrderRecordingWhoRaisedIt() {
        fixture.givenNoPriorActivity()
                .when(new RaisePurchaseOrder("po-1", "Bolt & Co", LINES), AS_SARA)
                .expectEvents(RAISED);
    }

    @Test
    void anOrderForAnUnknownSkuIsRefusedAsNotFound() {
        fixture.givenNoPriorActivity()
                .when(new RaisePurchaseOrder("po-1", "Bolt & Co", List.of(
                        new OrderLine("SCREW-4", 1, Money.dkk("1.00"), VAT),
                        new OrderLine("NOPE", 1, Money.dkk("1.00"), VAT))), AS_SARA)
                .expectNoEvents()
                .expectException(withCode(ErrorCode.NOT_FOUND));
    }

    @Test
    void aTakenOrderIdIsRefusedAsDuplicate() {
        fixture.given(RAISED)
                .when(new RaisePurchaseOrder("po-1", "Bolt & Co", LINES), AS_SARA)
                .expectNoEvents()
                .expectException(withCode(ErrorCode.DUPLICATE));
    }

    @Test
    void anotherUserApprovesTheOrder() {
        fixture.given(RAISED)
                .when(new ApprovePurchaseOrder("po-1"), AS_ANNA)
                .expectEvents(APPROVED);
    }

    @Test
    void theRequesterCannotApproveTheirOwnOrder() {
        fixture.given(RAISED)
                .when(new ApprovePurchaseOrder("po-1"), AS_SARA)
                .expectNoEvents()
                .expectException(withRule("APPROVER_IS_REQUESTER"))
                .expectException(withCode(ErrorCode.BUSINESS_RULE_VIOLATED));
    }

    @Test
    void approvingTwiceIsAConflict() {
        fixture.given(RAISED, APPROVED)
                .when(new ApprovePurchaseOrder("po-1"), Map.of("user", "olga"))
                .expectNoEvents()
                .expectException(withCode(ErrorCode.CONFLICT));
    }

    @Test
    void approvingAnUnknownOrderIsRefusedAsNotFound() {
        fixture.givenNoPriorActivity()
                .when(new ApprovePurchaseOrder("po-9"), AS_ANNA)
                .expectNoEvents()
                .expectException(withCode(ErrorCode.NOT_FOUND));
    }

    @Test
    void goodsCannotBeReceivedOnAnUnapprovedOrder() {
        fixture.given(RAISED)
                .when(new ReceiveGoods("po-1", "r-1", DAY, List.of(new ReceiveGoods.Line("SCREW-4", 1))))
                .expectNoEvents()
                .expectException(withRule("ORDER_NOT_APPROVED"));
        assertThat(itemEvents("SCREW-4")).hasSize(1);
    }

    @Test
    void aReceiptPostsCostAndVatPerLineAndReceivesIntoEachItemInTheSameUnitOfWork() {
        fixture.given(RAISED, APPROVED)
                .when(new ReceiveGoods("po-1", "r-1", DAY, List.of(
                        new ReceiveGoods.Line("SCREW-4", 3), new ReceiveGoods.Line("MANUAL", 2))))
                // 3 × 2.35 = 7.05, VAT 1.7625 → 1.76 (half-even); the manual is zero-rated
                .expectEvents(new GoodsReceived("po-1", "r-1", DAY, "Bolt & Co", List.of(
                        new ReceivedLine("SCREW-4", 3, Money.dkk("2.35"), Money.dkk("7.05"), VAT, Money.dkk("1.76"), 7),
                        new ReceivedLine("MANUAL", 2, Money.dkk("99.00"), Money.dkk("198.00"), BigDecimal.ZERO,
                                Money.dkk("0.00"), 0)),
                        Money.dkk("205.05"), Money.dkk("1.76"), Money.dkk("206.81"), false));
        assertThat(itemEvents("SCREW-4")).last().isEqualTo(new StockReceived("SCREW-4", "po-1", "r-1", DAY, 3,
                Money.dkk("2.35"), Money.dkk("7.05"), 3, Money.dkk("7.05")));
        assertThat(itemEvents("MANUAL")).last().isEqualTo(new StockReceived("MANUAL", "po-1", "r-1", DAY, 2,
                Money.dkk("99.00"), Money.dkk("198.00"), 2, Money.dkk("198.00")));
    }

    @Test
    void theReceiptThatBringsTheLastRemainingGoodsCompletesTheOrder() {
        fixture.given(RAISED, APPROVED, new GoodsReceived("po-1", "r-1", DAY, "Bolt & Co", List.of(
                                new ReceivedLine("SCREW-4", 4, Money.dkk("2.35"), Money.dkk("9.40"), VAT,
                                        Money.dkk("2.35"), 6),
                                new ReceivedLine("MANUAL", 2, Money.dkk("99.00"), Money.dkk("198.00"), BigDecimal.ZERO,
                                        Money.dkk("0.00"), 0)),
                        Money.dkk("207.40"), Money.dkk("2.35"), Money.dkk("209.75"), false))
                .when(new ReceiveGoods("po-1", "r-2", DAY, List.of(new ReceiveGoods.Line("SCREW-4", 6))))
                .expectEvents(new GoodsReceived("po-1", "r-2", DAY, "Bolt & Co", List.of(
                        new ReceivedLine("SCREW-4", 6, Money.dkk("2.35"), Money.dkk("14.10"), VAT, Money.dkk("3.52"), 0)),
                        Money.dkk("14.10"), Money.dkk("3.52"), Money.dkk("17.62"), true));
    }

    @Test
    void aReceiptCannotBringMoreThanRemainsToBeReceived() {
        fixture.given(RAISED, APPROVED, new GoodsReceived("po-1", "r-1", DAY, "Bolt & Co", List.of(
                                new ReceivedLine("SCREW-4", 8, Money.dkk("2.35"), Money.dkk("18.80"), VAT,
                                        Money.dkk("4.70"), 2)),
                        Money.dkk("18.80"), Money.dkk("4.70"), Money.dkk("23.50"), false))
                .when(new ReceiveGoods("po-1", "r-2", DAY, List.of(
                        new ReceiveGoods.Line("MANUAL", 1), new ReceiveGoods.Line("SCREW-4", 3))))
                .expectNoEvents()
                .expectException(withRule("OVER_RECEIPT"));
        assertThat(itemEvents("MANUAL")).hasSize(1);
    }

    @Test
    void aReceiptOfAnItemTheOrderDoesNotHaveIsRefused() {
        fixture.given(RAISED, APPROVED)
                .when(new ReceiveGoods("po-1", "r-1", DAY, List.of(new ReceiveGoods.Line("NUT-4", 1))))
                .expectNoEvents()
                .expectException(withRule("SKU_NOT_ON_ORDER"));
    }

    @Test
    void aReceiptDatedInAClosedMonthIsRefused() {
        periods.closed.add(YearMonth.from(DAY));
        fixture.given(RAISED, APPROVED)
                .when(new ReceiveGoods("po-1", "r-1", DAY, List.of(new ReceiveGoods.Line("SCREW-4", 1))))
                .expectNoEvents()
                .expectException(withRule("PERIOD_CLOSED"));
    }

    @Test
    void theSupplierIsPaidUpToWhatWasReceived() {
        fixture.given(RAISED, APPROVED, new GoodsReceived("po-1", "r-1", DAY, "Bolt & Co", List.of(
                                new ReceivedLine("SCREW-4", 8, Money.dkk("2.35"), Money.dkk("18.80"), VAT,
                                        Money.dkk("4.70"), 2)),
                        Money.dkk("18.80"), Money.dkk("4.70"), Money.dkk("23.50"), false),
                        new SupplierPaid("po-1", "p-1", DAY, "Bolt & Co", Money.dkk("20.00")))
                .when(new PaySupplier("po-1", "p-2", DAY, Money.dkk("3.50")))
                .expectEvents(new SupplierPaid("po-1", "p-2", DAY, "Bolt & Co", Money.dkk("3.50")));
    }

    @Test
    void payingMoreThanWasReceivedAndIsUnpaidIsRefused() {
        fixture.given(RAISED, APPROVED, new GoodsReceived("po-1", "r-1", DAY, "Bolt & Co", List.of(
                                new ReceivedLine("SCREW-4", 8, Money.dkk("2.35"), Money.dkk("18.80"), VAT,
                                        Money.dkk("4.70"), 2)),
                        Money.dkk("18.80"), Money.dkk("4.70"), Money.dkk("23.50"), false))
                .when(new PaySupplier("po-1", "p-1", DAY, Money.dkk("23.51")))
                .expectNoEvents()
                .expectException(withRule("OVERPAYMENT"));
    }
}

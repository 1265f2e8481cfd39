package io.kontor.command.inventory;

import io.kontor.command.common.CommandMetadata;
import io.kontor.command.ledger.LedgerDirectory;
import io.kontor.events.inventory.GoodsReceived;
import io.kontor.events.inventory.OrderLine;
import io.kontor.events.inventory.PurchaseOrderApproved;
import io.kontor.events.inventory.PurchaseOrderRaised;
import io.kontor.events.inventory.ReceivedLine;
import io.kontor.events.inventory.SupplierPaid;
import io.kontor.shared.ErrorCode;
import io.kontor.shared.KontorException;
import io.kontor.shared.Money;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A purchase order: raised, approved by someone other than its requester (maker-checker), received in one or more
 * partial receipts never beyond what each line ordered, and paid. A receipt changes the order and the stock of every
 * item it brings in, in one commit.
 */
@Aggregate
public class PurchaseOrder {

    private static final String STREAM_PREFIX = "purchase-order:";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    @AggregateIdentifier
    private String streamId;
    private String orderId;
    private String supplier;
    private String requestedBy;
    private boolean approved;
    private Map<String, OrderLine> lines;
    private Map<String, Long> received;
    private Money unpaid;

    /** Axon rebuilds the order from its events, and creates it empty for the create-if-missing handlers. */
    protected PurchaseOrder() {
    }

    /** The order's stream in the log: prefixed, so a client-chosen order id never collides with another stream. */
    public static String streamId(String orderId) {
        return STREAM_PREFIX + orderId;
    }

    /** Create-if-missing, so that a taken id is refused by the order itself as {@code DUPLICATE}. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void raise(RaisePurchaseOrder command, @MetaDataValue(CommandMetadata.USER) String user, Stock stock) {
        if (orderId != null) {
            throw new KontorException(ErrorCode.DUPLICATE, "purchase order " + command.orderId() + " already exists",
                    Map.of("field", "id"));
        }
        for (int i = 0; i < command.lines().size(); i++) {
            String sku = command.lines().get(i).sku();
            if (!stock.isRegistered(sku)) {
                throw new KontorException(ErrorCode.NOT_FOUND, "no item " + sku,
                        Map.of("field", "lines[" + i + "].sku", "sku", sku));
            }
        }
        apply(new PurchaseOrderRaised(command.orderId(), command.supplier(), user, command.lines()));
    }

    /**
     * The approver must not be the requester. Refused as 422 (a business rule), not 403: the approver's role allows
     * approvals, and it is this order, not the role, that they may not approve.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void approve(ApprovePurchaseOrder command, @MetaDataValue(CommandMetadata.USER) String user) {
        requireExists(command.orderId());
        if (approved) {
            throw new KontorException(ErrorCode.CONFLICT, "purchase order " + orderId + " is already approved",
                    Map.of("rule", "ALREADY_APPROVED"));
        }
        if (requestedBy.equals(user)) {
            throw new KontorException(ErrorCode.BUSINESS_RULE_VIOLATED,
                    "purchase order " + orderId + " was raised by " + user + ", who cannot also approve it",
                    Map.of("rule", "APPROVER_IS_REQUESTER"));
        }
        apply(new PurchaseOrderApproved(orderId, user));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void receive(ReceiveGoods command, Stock stock, LedgerDirectory directory) {
        requireExists(command.orderId());
        requireApproved();
        directory.requireOpen(command.date());
        List<ReceivedLine> receivedLines = new ArrayList<>();
        Money cost = Money.zero(Money.DKK);
        Money vat = Money.zero(Money.DKK);
        boolean complete = true;
        Map<String, Long> after = new HashMap<>(received);
        for (int i = 0; i < command.lines().size(); i++) {
            ReceiveGoods.Line line = command.lines().get(i);
            OrderLine ordered = lines.get(line.sku());
            if (ordered == null) {
                throw new KontorException(ErrorCode.BUSINESS_RULE_VIOLATED,
                        "purchase order " + orderId + " has no line for " + line.sku(),
                        Map.of("rule", "SKU_NOT_ON_ORDER", "field", "lines[" + i + "].sku", "sku", line.sku()));
            }
            long remaining = ordered.quantity() - received.get(line.sku());
            if (line.quantity() > remaining) {
                throw new KontorException(ErrorCode.BUSINESS_RULE_VIOLATED,
                        "cannot receive " + line.quantity() + " of " + line.sku() + ": " + remaining
                                + " remain to be received on purchase order " + orderId,
                        Map.of("rule", "OVER_RECEIPT", "field", "lines[" + i + "].quantity", "remaining", remaining));
            }
            Money lineCost = StockLevel.cost(line.quantity(), ordered.unitCost());
            Money lineVat = Money.rounded(lineCost.amount().multiply(ordered.vatRate()).divide(HUNDRED),
                    lineCost.currency());
            receivedLines.add(new ReceivedLine(line.sku(), line.quantity(), ordered.unitCost(), lineCost,
                    ordered.vatRate(), lineVat, remaining - line.quantity()));
            cost = cost.plus(lineCost);
            vat = vat.plus(lineVat);
            after.merge(line.sku(), line.quantity(), Long::sum);
        }
        for (OrderLine line : lines.values()) {
            complete &= after.get(line.sku()) == line.quantity();
        }
        apply(new GoodsReceived(orderId, command.receiptId(), command.date(), supplier, receivedLines, cost, vat,
                cost.plus(vat), complete));
        // Items are loaded (and locked until commit) in sku order, so two receipts touching the same items in a
        // different order cannot deadlock each other.
        receivedLines.stream().sorted(Comparator.comparing(ReceivedLine::sku)).forEach(line -> stock.receive(
                line.sku(), orderId, command.receiptId(), command.date(), line.quantity(), line.unitCost()));
    }

    /** Pays at most what receipts made payable and is still unpaid: no paying for goods that have not arrived. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void pay(PaySupplier command, LedgerDirectory directory) {
        requireExists(command.orderId());
        requireApproved();
        directory.requireOpen(command.date());
        if (!command.amount().currency().equals(unpaid.currency())) {
            throw KontorException.invalidField("currency", "purchase orders are paid in " + unpaid.currency());
        }
        if (command.amount().compareTo(unpaid) > 0) {
            throw new KontorException(ErrorCode.BUSINESS_RULE_VIOLATED,
                    "cannot pay " + command.amount() + " on purchase order " + orderId + ": " + unpaid
                            + " received and unpaid",
                    Map.of("rule", "OVERPAYMENT", "field", "amount", "unpaid", unpaid.amount().toPlainString()));
        }
        apply(new SupplierPaid(orderId, command.paymentId(), command.date(), supplier, command.amount()));
    }

    private void requireExists(String requested) {
        if (orderId == null) {
            throw new KontorException(ErrorCode.NOT_FOUND, "no purchase order " + requested, Map.of("field", "id"));
        }
    }

    private void requireApproved() {
        if (!approved) {
            throw new KontorException(ErrorCode.BUSINESS_RULE_VIOLATED,
                    "purchase order " + orderId + " is not approved yet", Map.of("rule", "ORDER_NOT_APPROVED"));
        }
    }

    @EventSourcingHandler
    void on(PurchaseOrderRaised event) {
        streamId = streamId(event.orderId());
        orderId = event.orderId();
        supplier = event.supplier();
        requestedBy = event.requestedBy();
        lines = new LinkedHashMap<>();
        received = new HashMap<>();
        for (OrderLine line : event.lines()) {
            lines.put(line.sku(), line);
            received.put(line.sku(), 0L);
        }
        unpaid = Money.zero(Money.DKK);
    }

    @EventSourcingHandler
    void on(PurchaseOrderApproved event) {
        approved = true;
    }

    @EventSourcingHandler
    void on(GoodsReceived event) {
        for (ReceivedLine line : event.lines()) {
            received.merge(line.sku(), line.quantity(), Long::sum);
        }
        unpaid = unpaid.plus(event.gross());
    }

    @EventSourcingHandler
    void on(SupplierPaid event) {
        unpaid = unpaid.minus(event.amount());
    }
}

package io.kontor.command.inventory;

import io.kontor.command.web.CommandAnswer;
import io.kontor.command.web.Commands;
import io.kontor.events.inventory.OrderLine;
import io.kontor.shared.Checks;
import io.kontor.shared.KontorException;
import io.kontor.shared.Money;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static io.kontor.command.inventory.InventoryController.dateOrToday;
import static io.kontor.command.inventory.InventoryController.idOrNew;

@RestController
@RequestMapping("/api/purchase-orders")
class PurchaseOrderController {

    /** Danish moms, unless a line says otherwise. */
    static final BigDecimal DEFAULT_VAT_RATE = BigDecimal.valueOf(25);

    private final Commands commands;

    PurchaseOrderController(Commands commands) {
        this.commands = commands;
    }

    record OrderLineRequest(String sku, BigDecimal quantity, BigDecimal unitCost, BigDecimal vatRate) {
    }

    record RaiseRequest(String id, String supplier, List<OrderLineRequest> lines) {
    }

    record ReceiptLineRequest(String sku, BigDecimal quantity) {
    }

    record ReceiptRequest(String id, LocalDate date, List<ReceiptLineRequest> lines) {
    }

    record PaymentRequest(String id, BigDecimal amount, LocalDate date) {
    }

    @PostMapping
    @Operation(summary = "Raise a purchase order: supplier, lines of sku, quantity, unitCost, vatRate (default 25) "
            + "(roles STOREKEEPER, ACCOUNTANT)")
    ResponseEntity<CommandAnswer> raise(@RequestBody RaiseRequest request) {
        String id = idOrNew(request.id());
        checkLines(request.lines(), "a purchase order");
        List<OrderLine> lines = new ArrayList<>();
        for (int i = 0; i < request.lines().size(); i++) {
            OrderLineRequest line = request.lines().get(i);
            String field = "lines[" + i + "]";
            if (line == null) {
                throw KontorException.invalidField(field, "a line is required");
            }
            Money unitCost = Input.dkk(line.unitCost(), field + ".unitCost");
            if (unitCost.isNegative()) {
                throw KontorException.invalidField(field + ".unitCost", "unitCost must not be negative");
            }
            lines.add(new OrderLine(Checks.id(line.sku(), field + ".sku"),
                    Input.quantity(line.quantity(), field + ".quantity"), unitCost,
                    line.vatRate() == null ? DEFAULT_VAT_RATE : line.vatRate()));
        }
        RaisePurchaseOrder command = new RaisePurchaseOrder(id, request.supplier(), lines);
        return commands.created(request, id, command);
    }

    /** Before the lines are read one by one: present, and not so many that reading them is the attack. */
    private static void checkLines(List<?> lines, String what) {
        if (lines == null) {
            throw KontorException.invalidField("lines", what + " has at least one line");
        }
        if (lines.size() > RaisePurchaseOrder.MAX_LINES) {
            throw KontorException.invalidField("lines", what + " has at most " + RaisePurchaseOrder.MAX_LINES + " lines");
        }
    }

    @PostMapping("/{id}/approval")
    @Operation(summary = "Approve a purchase order; not by the user who raised it (role ACCOUNTANT)")
    ResponseEntity<CommandAnswer> approve(@PathVariable String id) {
        ApprovePurchaseOrder command = new ApprovePurchaseOrder(id);
        return commands.acted(null, id, command);
    }

    @PostMapping("/{id}/receipts")
    @Operation(summary = "Receive goods on an approved order, never more than ordered; date defaults to today "
            + "(role STOREKEEPER)")
    ResponseEntity<CommandAnswer> receive(@PathVariable String id, @RequestBody ReceiptRequest request) {
        String receiptId = idOrNew(request.id());
        checkLines(request.lines(), "a receipt");
        List<ReceiveGoods.Line> lines = new ArrayList<>();
        for (int i = 0; i < request.lines().size(); i++) {
            ReceiptLineRequest line = request.lines().get(i);
            String field = "lines[" + i + "]";
            if (line == null) {
                throw KontorException.invalidField(field, "a line is required");
            }
            lines.add(new ReceiveGoods.Line(Checks.id(line.sku(), field + ".sku"),
                    Input.quantity(line.quantity(), field + ".quantity")));
        }
        ReceiveGoods command = new ReceiveGoods(id, receiptId, dateOrToday(request.date()), lines);
        return commands.created(request, receiptId, command);
    }

    @PostMapping("/{id}/payments")
    @Operation(summary = "Pay the supplier from the bank: at most what was received and is unpaid (role ACCOUNTANT)")
    ResponseEntity<CommandAnswer> pay(@PathVariable String id, @RequestBody PaymentRequest request) {
        String paymentId = idOrNew(request.id());
        Money amount = Input.dkk(request.amount(), "amount");
        PaySupplier command = new PaySupplier(id, paymentId, request.date(), amount);
        return commands.created(request, paymentId, command);
    }
}

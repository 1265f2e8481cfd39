package io.kontor.command.inventory;

import io.kontor.command.web.CommandAnswer;
import io.kontor.command.web.Commands;
import io.kontor.shared.Checks;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;

@RestController
class InventoryController {

    /** The business's own calendar: a movement without a date happened today in Denmark. */
    static final ZoneId BUSINESS_ZONE = ZoneId.of("Europe/Copenhagen");

    private final Commands commands;

    InventoryController(Commands commands) {
        this.commands = commands;
    }

    record RegisterItemRequest(String sku, String name, String unit, BigDecimal reorderLevel) {
    }

    record IssueRequest(String id, String sku, BigDecimal quantity, String reason, LocalDate date) {
    }

    record CountRequest(String id, String sku, BigDecimal countedQuantity, LocalDate date) {
    }

    @PostMapping("/api/items")
    @Operation(summary = "Register a stock item: sku, name, unit, reorderLevel (default 0) (role STOREKEEPER)")
    ResponseEntity<CommandAnswer> register(@RequestBody RegisterItemRequest request) {
        long reorderLevel = request.reorderLevel() == null ? 0 : Input.quantity(request.reorderLevel(), "reorderLevel");
        RegisterItem command = new RegisterItem(request.sku(), request.name(), request.unit(), reorderLevel);
        return commands.created(request, command.sku(), command);
    }

    @PostMapping("/api/stock-issues")
    @Operation(summary = "Issue stock at the moving average cost; never more than on hand (role STOREKEEPER)")
    ResponseEntity<CommandAnswer> issue(@RequestBody IssueRequest request) {
        String id = idOrNew(request.id());
        IssueStock command = new IssueStock(Checks.id(request.sku(), "sku"), id, dateOrToday(request.date()),
                Input.quantity(request.quantity(), "quantity"), request.reason());
        return commands.created(request, id, command);
    }

    @PostMapping("/api/stock-counts")
    @Operation(summary = "Record a stock count; the difference is posted as an inventory difference (role STOREKEEPER)")
    ResponseEntity<CommandAnswer> count(@RequestBody CountRequest request) {
        String id = idOrNew(request.id());
        CountStock command = new CountStock(Checks.id(request.sku(), "sku"), id, dateOrToday(request.date()),
                Input.quantity(request.countedQuantity(), "countedQuantity"));
        return commands.created(request, id, command);
    }

    static String idOrNew(String given) {
        return given == null ? Commands.newId() : Checks.id(given, "id");
    }

    static LocalDate dateOrToday(LocalDate date) {
        return date == null ? LocalDate.now(BUSINESS_ZONE) : date;
    }
}

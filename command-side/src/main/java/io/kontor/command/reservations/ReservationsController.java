package io.kontor.command.reservations;

import io.kontor.command.web.CommandAnswer;
import io.kontor.command.web.Commands;
import io.kontor.events.reservations.ResourceKind;
import io.kontor.shared.Checks;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

@RestController
class ReservationsController {

    private final Commands commands;

    ReservationsController(Commands commands) {
        this.commands = commands;
    }

    record ResourceRequest(String id, String name, String kind) {
    }

    record ReservationRequest(String id, String resource, String customer, Instant from, Instant to) {
    }

    @PostMapping("/api/resources")
    @Operation(summary = "Register a bookable resource: id, name, kind ROOM/MEETING_ROOM/DESK (role ADMIN)")
    ResponseEntity<CommandAnswer> register(@RequestBody ResourceRequest request) {
        String id = Checks.id(request.id(), "id");
        return commands.created(request, id, new RegisterResource(id, request.name(), Checks.oneOf(request.kind(), ResourceKind.class, "kind")));
    }

    @PostMapping("/api/reservations")
    @Operation(summary = "Reserve a resource for a customer from..to (instants, to excluded); 409 when it overlaps "
            + "an active reservation of the resource (role FRONT_DESK)")
    ResponseEntity<CommandAnswer> reserve(@RequestBody ReservationRequest request) {
        String id = Commands.idOrNew(request.id());
        return commands.created(request, id, new ReserveResource(request.resource(), id, request.customer(),
                request.from(), request.to()));
    }

    @PostMapping("/api/reservations/{id}/cancel")
    @Operation(summary = "Cancel a reservation that is not checked in; its slot is free again (role FRONT_DESK)")
    ResponseEntity<CommandAnswer> cancel(@PathVariable String id) {
        return commands.acted(null, id, new CancelReservation(id));
    }

    @PostMapping("/api/reservations/{id}/check-in")
    @Operation(summary = "The customer arrived (role FRONT_DESK)")
    ResponseEntity<CommandAnswer> checkIn(@PathVariable String id) {
        return commands.acted(null, id, new CheckInReservation(id));
    }

    @PostMapping("/api/reservations/{id}/check-out")
    @Operation(summary = "The customer left; only after check-in (role FRONT_DESK)")
    ResponseEntity<CommandAnswer> checkOut(@PathVariable String id) {
        return commands.acted(null, id, new CheckOutReservation(id));
    }
}

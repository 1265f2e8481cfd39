package io.kontor.command.correspondence;

import io.kontor.command.web.CommandAnswer;
import io.kontor.command.web.Commands;
import io.kontor.events.correspondence.EnquiryChannel;
import io.kontor.events.correspondence.MailKind;
import io.kontor.shared.Checks;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The front desk's phone messages, customer enquiries and mail room. */
@RestController
class CorrespondenceController {

    private final Commands commands;

    CorrespondenceController(Commands commands) {
        this.commands = commands;
    }

    record CallRequest(String id, String caller, String phone, String forEmployee, String message) {
    }

    record EnquiryRequest(String id, String customer, String channel, String subject) {
    }

    record AnswerRequest(String answer) {
    }

    record MailRequest(String id, String sender, String recipient, String kind) {
    }

    record ArchiveRequest(Integer retentionYears) {
    }

    @PostMapping("/api/calls")
    @Operation(summary = "Take a phone message: caller, phone? (call-back number), forEmployee (an employee id, "
            + "not past their last day), message (role FRONT_DESK)")
    ResponseEntity<CommandAnswer> takeCall(@RequestBody CallRequest request) {
        String id = idOrNew(request.id());
        return commands.created(request, id, new TakePhoneMessage(id, request.caller(), request.phone(),
                request.forEmployee(), request.message()));
    }

    @PostMapping("/api/calls/{id}/delivered")
    @Operation(summary = "The phone message reached its employee; once only (role FRONT_DESK)")
    ResponseEntity<CommandAnswer> deliverCall(@PathVariable String id) {
        return commands.acted(null, id, new DeliverPhoneMessage(id));
    }

    @PostMapping("/api/enquiries")
    @Operation(summary = "Open a customer enquiry: customer, channel PHONE/EMAIL/WALK_IN/WEB, subject "
            + "(role FRONT_DESK)")
    ResponseEntity<CommandAnswer> openEnquiry(@RequestBody EnquiryRequest request) {
        String id = idOrNew(request.id());
        return commands.created(request, id, new OpenEnquiry(id, request.customer(),
                Fields.oneOf(EnquiryChannel.class, request.channel(), "channel"), request.subject()));
    }

    @PostMapping("/api/enquiries/{id}/answer")
    @Operation(summary = "Answer an enquiry, which closes it; once only (role FRONT_DESK)")
    ResponseEntity<CommandAnswer> answerEnquiry(@PathVariable String id, @RequestBody AnswerRequest request) {
        return commands.acted(request, id, new AnswerEnquiry(id, request.answer()));
    }

    @PostMapping("/api/mail")
    @Operation(summary = "Register incoming mail: sender, recipient, kind LETTER/PARCEL/DOCUMENT (role FRONT_DESK)")
    ResponseEntity<CommandAnswer> registerMail(@RequestBody MailRequest request) {
        String id = idOrNew(request.id());
        return commands.created(request, id, new RegisterMail(id, request.sender(), request.recipient(),
                Fields.oneOf(MailKind.class, request.kind(), "kind")));
    }

    @PostMapping("/api/mail/{id}/delivered")
    @Operation(summary = "The mail was handed to its recipient; once only, not after archiving (role FRONT_DESK)")
    ResponseEntity<CommandAnswer> deliverMail(@PathVariable String id) {
        return commands.acted(null, id, new DeliverMail(id));
    }

    @PostMapping("/api/mail/{id}/archive")
    @Operation(summary = "Archive mail for retentionYears (1 to 30), kept until 31 December of the archive year plus "
            + "that many years; letters only once delivered, documents also undelivered, parcels never "
            + "(role FRONT_DESK)")
    ResponseEntity<CommandAnswer> archiveMail(@PathVariable String id, @RequestBody ArchiveRequest request) {
        return commands.acted(request, id, new ArchiveMail(id, request.retentionYears()));
    }

    private static String idOrNew(String given) {
        return given == null ? Commands.newId() : Checks.id(given, "id");
    }
}

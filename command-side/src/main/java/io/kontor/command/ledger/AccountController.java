package io.kontor.command.ledger;

import io.kontor.command.web.CommandAnswer;
import io.kontor.command.web.Commands;
import io.kontor.events.ledger.AccountType;
import io.kontor.shared.Money;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Currency;

@RestController
@RequestMapping("/api/accounts")
class AccountController {

    private final Commands commands;

    AccountController(Commands commands) {
        this.commands = commands;
    }

    record OpenAccountRequest(String code, String name, AccountType type, Currency currency) {
    }

    @PostMapping
    @Operation(summary = "Open a ledger account (role ACCOUNTANT)")
    ResponseEntity<CommandAnswer> open(@RequestBody OpenAccountRequest request) {
        OpenAccount command = new OpenAccount(request.code(), request.name(), request.type(),
                request.currency() == null ? Money.DKK : request.currency());
        return commands.created(request, command.code(), command);
    }
}

package io.kontor.command.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kontor.command.common.CommandMetadata;
import io.kontor.command.common.CommandReceipt;
import io.kontor.eventlog.KontorEventStorageEngine;
import io.kontor.shared.Checks;
import io.kontor.shared.KontorException;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * How every command controller sends its command: honours {@code Idempotency-Key}, sends the command through the
 * gateway and answers {@code {id, position}}. Controllers call {@link #created} for a command that creates
 * something (201) and {@link #acted} for an action on an existing thing (200).
 */
@Component
public class Commands {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final int MAX_KEY_LENGTH = 200;
    private static final Logger log = LoggerFactory.getLogger(Commands.class);

    private final CommandGateway gateway;
    private final IdempotencyStore idempotency;
    private final ObjectMapper json;
    private final KontorEventStorageEngine engine;
    private final HttpServletRequest request;

    Commands(CommandGateway gateway, IdempotencyStore idempotency, ObjectMapper json, KontorEventStorageEngine engine,
             HttpServletRequest request) {
        this.gateway = gateway;
        this.idempotency = idempotency;
        this.json = json;
        this.engine = engine;
        this.request = request;
    }

    /** Sends a creating command; {@code body} is the request as received (null if none), for idempotency. */
    public ResponseEntity<CommandAnswer> created(Object body, String id, Object command) {
        return send(HttpStatus.CREATED, body, id, command);
    }

    /** Sends a command acting on the existing {@code id}. */
    public ResponseEntity<CommandAnswer> acted(Object body, String id, Object command) {
        return send(HttpStatus.OK, body, id, command);
    }

    private ResponseEntity<CommandAnswer> send(HttpStatus status, Object body, String id, Object command) {
        String key = request.getHeader(IDEMPOTENCY_KEY);
        if (key == null || key.isBlank()) {
            return ResponseEntity.status(status).body(execute(id, command));
        }
        if (key.length() > MAX_KEY_LENGTH) {
            throw KontorException.invalidField(IDEMPOTENCY_KEY,
                    IDEMPOTENCY_KEY + " must be at most " + MAX_KEY_LENGTH + " characters");
        }
        IdempotencyStore.Claim claim = idempotency.claim(CommandMetadata.currentUser(), key, fingerprint(body));
        if (claim.replay() != null) {
            IdempotencyStore.StoredAnswer replay = claim.replay();
            return ResponseEntity.status(replay.status()).header("Idempotent-Replayed", "true")
                    .body(new CommandAnswer(replay.id(), replay.position()));
        }
        CommandAnswer answer;
        try {
            answer = execute(id, command);
        } catch (RuntimeException e) {
            idempotency.release(claim);
            throw e;
        }
        try {
            idempotency.complete(claim, status.value(), answer);
        } catch (RuntimeException e) {
            // The command is in the log: answer it. A retry of this key meets a pending claim (409) until it is
            // taken over as abandoned.
            log.warn("Could not record the answer for Idempotency-Key {}", key, e);
        }
        return ResponseEntity.status(status).body(answer);
    }

    private CommandAnswer execute(String id, Object command) {
        CommandReceipt receipt = gateway.sendAndWait(command);
        // A command that appended nothing still answers a position its caller can safely wait for.
        long position = receipt.position().orElseGet(engine::headPosition);
        return new CommandAnswer(id, position);
    }

    /** Method, path and the parsed body: whitespace or field order in the JSON do not make a "different" body. */
    private String fingerprint(Object body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((request.getMethod() + " " + request.getRequestURI() + "\n").getBytes(StandardCharsets.UTF_8));
            sha.update(json.writeValueAsBytes(body));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("cannot fingerprint the request", e);
        }
    }

    /** The client's id, checked like every id, or a server-generated one when the client gave none. */
    public static String idOrNew(String given) {
        return given == null ? newId() : Checks.id(given, "id");
    }

    /** A server-generated id for a command whose client gave none. */
    public static String newId() {
        return UUID.randomUUID().toString();
    }
}

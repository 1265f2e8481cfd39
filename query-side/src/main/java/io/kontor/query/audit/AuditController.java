package io.kontor.query.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kontor.eventlog.audit.HashChainVerifier;
import io.kontor.eventlog.audit.VerificationResult;
import io.kontor.query.web.ViewPositionInterceptor;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/**
 * The auditors' view of the event log itself. These answers read the log, not a view, so they are not
 * {@code @ReadsView}: {@code X-Kontor-Position} carries the log head they were read against instead.
 */
@RestController
class AuditController {

    static final String NDJSON = "application/x-ndjson";

    private final HashChainVerifier verifier;
    private final AuditLog log;
    private final LedgerLineage lineage;
    private final ObjectMapper json;

    AuditController(HashChainVerifier verifier, AuditLog log, LedgerLineage lineage, ObjectMapper json) {
        this.verifier = verifier;
        this.log = log;
        this.lineage = lineage;
        this.json = json;
    }

    @GetMapping("/api/audit/verify")
    @Operation(summary = "Recompute the hash chain from position 1 to the head (role AUDITOR)")
    ResponseEntity<VerificationAnswer> verify() {
        VerificationResult result = verifier.verify();
        return answer(result.headPosition(), VerificationAnswer.of(result));
    }

    @GetMapping("/api/audit/events")
    @Operation(summary = "Page through the log by position; filter by type (simple or full name), aggregate and "
            + "time [from, to); a filtered page examines a bounded stretch and says where to go on (role AUDITOR)")
    ResponseEntity<EventPage> events(@RequestParam(defaultValue = "0") long after,
            @RequestParam(defaultValue = "100") int limit,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String aggregateId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
        EventPage page = log.page(after, limit, new AuditLog.Filter(blankToNull(type), blankToNull(aggregateId), from, to));
        return answer(page.head(), page);
    }

    @GetMapping("/api/audit/events/{position}")
    @Operation(summary = "The event at a log position, as stored; a ledger line's position leads here (role AUDITOR)")
    ResponseEntity<AuditEvent> event(@PathVariable long position) {
        long head = log.head();
        return answer(head, log.event(position));
    }

    @GetMapping("/api/audit/events/{position}/ledger-lines")
    @Operation(summary = "The ledger lines an event produced, recomputed by the pure posting rules, each with the "
            + "ledger query that shows it (role AUDITOR)")
    ResponseEntity<LedgerLineage.Lineage> ledgerLines(@PathVariable long position) {
        long head = log.head();
        if (position > head) {
            throw AuditLog.noEvent(position);
        }
        return answer(head, lineage.of(position).orElseThrow(() -> AuditLog.noEvent(position)));
    }

    @GetMapping("/api/audit/aggregates/{id}/events")
    @Operation(summary = "One aggregate's full history in sequence order (role AUDITOR)")
    ResponseEntity<List<AuditEvent>> aggregate(@PathVariable String id) {
        long head = log.head();
        return answer(head, log.aggregate(id));
    }

    @GetMapping(value = "/api/audit/export", produces = NDJSON)
    @Operation(summary = "Every event in (after, to] as NDJSON, one event per line, streamed (role AUDITOR)")
    void export(@RequestParam(defaultValue = "0") long after, @RequestParam(required = false) Long to,
                HttpServletResponse response) throws IOException {
        long head = log.head();
        long end = to == null ? head : Math.min(to, head);
        response.setContentType(NDJSON);
        response.setHeader(ViewPositionInterceptor.POSITION_HEADER, Long.toString(head));
        OutputStream out = response.getOutputStream();
        try {
            log.export(Math.max(after, 0), end, event -> {
                try {
                    out.write(json.writeValueAsBytes(event));
                    out.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        out.flush();
    }

    private static <T> ResponseEntity<T> answer(long head, T body) {
        return ResponseEntity.ok().header(ViewPositionInterceptor.POSITION_HEADER, Long.toString(head)).body(body);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

package io.kontor.query.audit;

import io.kontor.eventlog.audit.HashChainVerifier;
import io.kontor.eventlog.audit.VerificationResult;
import io.kontor.query.web.ViewPositionInterceptor;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The auditors' view of the event log itself. These answers read the log, not a view, so they are not
 * {@code @ReadsView}: {@code X-Kontor-Position} carries the log head they saw instead.
 */
@RestController
class AuditController {

    private final HashChainVerifier verifier;

    AuditController(HashChainVerifier verifier) {
        this.verifier = verifier;
    }

    @GetMapping("/api/audit/verify")
    @Operation(summary = "Recompute the hash chain from position 1 to the head (role AUDITOR)")
    ResponseEntity<VerificationAnswer> verify() {
        VerificationResult result = verifier.verify();
        return ResponseEntity.ok()
                .header(ViewPositionInterceptor.POSITION_HEADER, Long.toString(result.headPosition()))
                .body(VerificationAnswer.of(result));
    }
}

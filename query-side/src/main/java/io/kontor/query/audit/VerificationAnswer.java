package io.kontor.query.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.kontor.eventlog.audit.VerificationResult;

/** The answer of {@code GET /api/audit/verify}; {@code firstBrokenPosition} and {@code problem} only when broken. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record VerificationAnswer(boolean verified, long head, String headHash, Long firstBrokenPosition, String problem) {

    static VerificationAnswer of(VerificationResult result) {
        return new VerificationAnswer(result.verified(), result.headPosition(), result.headHash(),
                result.firstBrokenPosition(), result.problem());
    }
}

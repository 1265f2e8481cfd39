package io.kontor.query.web;

import io.kontor.shared.ErrorCode;
import io.kontor.shared.KontorException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import java.util.Map;

/**
 * The query side's one mapping from failures to RFC 9457 problems: refusals keep their {@link ErrorCode}, a view
 * that did not catch up in time is a 503 with {@code Retry-After}, and no answer ever shows a stack trace.
 */
@RestControllerAdvice
public class ProblemAdvice {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(KontorException.class)
    ResponseEntity<ProblemDetail> refused(KontorException e) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(e.code().httpStatus());
        if (e.code() == ErrorCode.VIEW_NOT_CAUGHT_UP) {
            answer.header(HttpHeaders.RETRY_AFTER, "1");
        }
        return answer.body(Problems.of(e.code(), e.getMessage(), e.properties()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> mismatch(MethodArgumentTypeMismatchException e) {
        return refused(KontorException.invalidField(e.getName(), e.getName() + " has the wrong type"));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missing(MissingServletRequestParameterException e) {
        return refused(KontorException.invalidField(e.getParameterName(), e.getParameterName() + " is required"));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e) {
        return refused(new KontorException(ErrorCode.FORBIDDEN, "your roles do not allow this"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (e instanceof ErrorResponse response && response.getStatusCode().is4xxClientError()) {
            int status = response.getStatusCode().value();
            ErrorCode code = status == HttpStatus.NOT_FOUND.value() ? ErrorCode.NOT_FOUND : ErrorCode.MALFORMED_REQUEST;
            ProblemDetail problem = Problems.of(code, response.getBody().getDetail(), Map.of());
            problem.setStatus(status);
            problem.setTitle(HttpStatus.valueOf(status).getReasonPhrase());
            return ResponseEntity.status(status).body(problem);
        }
        log.error("Unexpected failure", e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "an unexpected error occurred; it has been logged");
        problem.setProperty("code", "INTERNAL_ERROR");
        return ResponseEntity.internalServerError().body(problem);
    }
}

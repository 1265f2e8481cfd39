package io.kontor.command.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.kontor.command.common.ErrorDetails;
import io.kontor.shared.ErrorCode;
import io.kontor.shared.KontorException;
import org.axonframework.messaging.HandlerExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The command side's one mapping from failures to RFC 9457 problems. Refusals keep their {@link ErrorCode};
 * unreadable input is a 400 naming the field; storage conflicts are 409s; nothing else ever shows its stack trace.
 */
@RestControllerAdvice
public class ProblemAdvice {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(KontorException.class)
    ResponseEntity<ProblemDetail> refused(KontorException e) {
        return answer(Problems.of(e.code(), e.getMessage(), e.properties()));
    }

    @ExceptionHandler(HandlerExecutionException.class)
    ResponseEntity<ProblemDetail> refusedAcrossTheBus(HandlerExecutionException e) {
        ErrorDetails details = e.<Object>getDetails().filter(ErrorDetails.class::isInstance)
                .map(ErrorDetails.class::cast).orElse(null);
        if (details != null) {
            return answer(Problems.of(details.code(), e.getMessage(), details.properties()));
        }
        if (e.getCause() instanceof ConcurrencyException c) {
            return concurrent(c);
        }
        if (e.getCause() instanceof AggregateNotFoundException n) {
            return unknown(n);
        }
        return unexpected(e);
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<ProblemDetail> concurrent(ConcurrencyException e) {
        return answer(Problems.of(ErrorCode.CONCURRENT_MODIFICATION,
                "another command changed the same thing first; reload and retry"));
    }

    /** A command for an id that names nothing (the repository found no events for it). */
    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> unknown(AggregateNotFoundException e) {
        String id = String.valueOf(e.getAggregateIdentifier());
        return answer(Problems.of(ErrorCode.NOT_FOUND, "nothing is known by id " + id, Map.of("id", id)));
    }

    @ExceptionHandler(AggregateStreamCreationException.class)
    ResponseEntity<ProblemDetail> duplicate(AggregateStreamCreationException e) {
        return answer(Problems.of(ErrorCode.DUPLICATE, "it already exists"));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof ValueInstantiationException v && v.getCause() instanceof KontorException k) {
            return refused(k);
        }
        if (cause instanceof InvalidFormatException f && !path(f).isEmpty()) {
            Class<?> target = f.getTargetType();
            String detail = target != null && target.isEnum()
                    ? "must be one of " + Arrays.toString(target.getEnumConstants())
                    : "is not a valid " + (target == null ? "value" : target.getSimpleName());
            return invalidField(path(f), detail);
        }
        if (cause instanceof MismatchedInputException m && !path(m).isEmpty()) {
            return invalidField(path(m), "has the wrong type");
        }
        if (cause instanceof JsonMappingException m && !path(m).isEmpty()) {
            return invalidField(path(m), "cannot be read");
        }
        if (cause instanceof JsonProcessingException p && p.getLocation() != null) {
            return answer(Problems.of(ErrorCode.MALFORMED_REQUEST, "the body is not valid JSON (line "
                    + p.getLocation().getLineNr() + ", column " + p.getLocation().getColumnNr() + ")"));
        }
        return answer(Problems.of(ErrorCode.MALFORMED_REQUEST, "the request body is missing or not valid JSON"));
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException e) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.of("field", f.getField(), "detail", String.valueOf(f.getDefaultMessage())))
                .toList();
        String fields = errors.stream().map(m -> m.get("field")).collect(Collectors.joining(", "));
        return answer(Problems.of(ErrorCode.VALIDATION_FAILED, "invalid fields: " + fields,
                Map.of("field", errors.isEmpty() ? "" : errors.get(0).get("field"), "errors", errors)));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> mismatch(MethodArgumentTypeMismatchException e) {
        return invalidField(e.getName(), "has the wrong type");
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e) {
        return invalidField(e.getParameterName(), "is required");
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ProblemDetail> missingHeader(MissingRequestHeaderException e) {
        return invalidField(e.getHeaderName(), "is required");
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e) {
        return answer(Problems.of(ErrorCode.FORBIDDEN, "your roles do not allow this"));
    }

    /** Spring MVC's own 4xx (unknown path, wrong method, unsupported media type), in Kontor's shape. */
    private ResponseEntity<ProblemDetail> framework(ErrorResponse response) {
        int status = response.getStatusCode().value();
        ErrorCode code = status == HttpStatus.NOT_FOUND.value() ? ErrorCode.NOT_FOUND : ErrorCode.MALFORMED_REQUEST;
        ProblemDetail problem = Problems.of(code, response.getBody().getDetail());
        problem.setStatus(status);
        problem.setTitle(HttpStatus.valueOf(status).getReasonPhrase());
        return answer(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (e instanceof ErrorResponse response && response.getStatusCode().is4xxClientError()) {
            return framework(response);
        }
        log.error("Unexpected failure", e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "an unexpected error occurred; it has been logged");
        problem.setProperty("code", "INTERNAL_ERROR");
        return answer(problem);
    }

    private ResponseEntity<ProblemDetail> invalidField(String field, String detail) {
        return answer(Problems.of(ErrorCode.VALIDATION_FAILED, field + " " + detail, Map.of("field", field)));
    }

    private static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}

package io.kontor.command.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kontor.shared.ErrorCode;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Map;

/**
 * RFC 9457 problems with Kontor's stable {@code code} and {@code type}: the one place that shapes an error answer,
 * used by the exception advice and by the security handlers that answer before any controller runs.
 */
public final class Problems {

    private static final String TYPE_BASE = "https://kontor.io/problems/";

    private Problems() {
    }

    public static ProblemDetail of(ErrorCode code, String detail) {
        return of(code, detail, Map.of());
    }

    public static ProblemDetail of(ErrorCode code, String detail, Map<String, ?> properties) {
        HttpStatus status = HttpStatus.valueOf(code.httpStatus());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        String slug = code.name().toLowerCase(Locale.ROOT).replace('_', '-');
        problem.setType(URI.create(TYPE_BASE + slug));
        problem.setTitle(status.getReasonPhrase());
        problem.setProperty("code", code.name());
        properties.forEach(problem::setProperty);
        return problem;
    }

    /** For answers written outside Spring MVC (the security filter chain). */
    public static void write(HttpServletResponse response, ObjectMapper json, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}

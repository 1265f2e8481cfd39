package io.kontor.command.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kontor.shared.ErrorCode;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Requests Tomcat refuses before Spring sees them (a NUL, an encoded slash or invalid UTF-8 in the path, an
 * oversized request line) answer as problems too, instead of Tomcat's HTML error page: this replaces the host's
 * error report valve.
 */
@Component
class ContainerProblems implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final ObjectMapper json;

    ContainerProblems(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                // The host adds its default valve only if none of this class is in its pipeline yet.
                host.setErrorReportValveClass(ProblemValve.class.getName());
                host.getPipeline().addValve(new ProblemValve(json));
            }
        });
    }

    static final class ProblemValve extends ErrorReportValve {

        private final ObjectMapper json;

        ProblemValve(ObjectMapper json) {
            this.json = json;
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            AtomicBoolean ioAllowed = new AtomicBoolean(true);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
            if (!ioAllowed.get()) {
                return;
            }
            ProblemDetail problem = problem(status);
            try {
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(json.writeValueAsString(problem));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // The client is gone or the response is already on its way: nothing more to tell.
            }
        }

        private static ProblemDetail problem(int status) {
            ErrorCode code = switch (status) {
                case 401 -> ErrorCode.UNAUTHENTICATED;
                case 403 -> ErrorCode.FORBIDDEN;
                case 404 -> ErrorCode.NOT_FOUND;
                case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
                default -> ErrorCode.MALFORMED_REQUEST;
            };
            ProblemDetail problem = Problems.of(code, "the request was refused before it reached Kontor");
            HttpStatus resolved = HttpStatus.resolve(status);
            problem.setStatus(status);
            problem.setTitle(resolved == null ? "Error" : resolved.getReasonPhrase());
            if (status >= 500) {
                problem.setProperty("code", "INTERNAL_ERROR");
            }
            return problem;
        }
    }
}

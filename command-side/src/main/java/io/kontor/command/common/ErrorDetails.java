package io.kontor.command.common;

import io.kontor.shared.ErrorCode;
import io.kontor.shared.KontorException;
import org.axonframework.messaging.HandlerExecutionException;

import java.util.Map;
import java.util.Optional;

/**
 * What survives of a {@link KontorException} when it crosses the command bus: its stable code and properties,
 * carried as the details of Axon's {@code CommandExecutionException}.
 */
public record ErrorDetails(ErrorCode code, Map<String, Object> properties) {

    public ErrorDetails {
        properties = properties == null ? Map.of() : Map.copyOf(properties);
    }

    public static ErrorDetails of(KontorException e) {
        return new ErrorDetails(e.code(), e.properties());
    }

    /** The error code of a refusal, whether it arrives raw or wrapped by the command bus. */
    public static Optional<ErrorCode> codeOf(Throwable failure) {
        if (failure instanceof KontorException k) {
            return Optional.of(k.code());
        }
        if (failure instanceof HandlerExecutionException h) {
            return h.<Object>getDetails().filter(ErrorDetails.class::isInstance).map(d -> ((ErrorDetails) d).code());
        }
        return Optional.empty();
    }
}

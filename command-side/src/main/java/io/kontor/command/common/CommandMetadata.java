package io.kontor.command.common;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MetaData;
import org.slf4j.MDC;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * Stamps every dispatched command with the acting user (the authenticated HTTP user, {@code system} for the
 * app's own commands such as seeding) and the request's correlation id; the correlation data provider then
 * copies both into every event the command appends.
 */
public class CommandMetadata implements MessageDispatchInterceptor<CommandMessage<?>> {

    public static final String USER = "user";
    public static final String CORRELATION_ID = "correlationId";
    /** The MDC key the correlation filter fills for the current request. */
    public static final String CORRELATION_MDC_KEY = "correlationId";
    public static final String SYSTEM_USER = "system";

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> command.andMetaData(MetaData.with(USER, currentUser())
                .and(CORRELATION_ID, currentCorrelationId(command)));
    }

    public static String currentUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.isAuthenticated() ? authentication.getName() : SYSTEM_USER;
    }

    private static String currentCorrelationId(CommandMessage<?> command) {
        String fromRequest = MDC.get(CORRELATION_MDC_KEY);
        if (fromRequest != null) {
            return fromRequest;
        }
        Object given = command.getMetaData().get(CORRELATION_ID);
        return given != null ? given.toString() : UUID.randomUUID().toString();
    }
}

package io.kontor.command.common;

import io.kontor.shared.ErrorCode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * Counts refused and failed commands by command name and {@link ErrorCode} ({@code kontor.command.failures}).
 * Axon's micrometer monitors already count and time every command by payload type and success/failure
 * ({@code commandBus.*}); what they cannot tell is why a command failed. Counted on rollback, so a refusal at commit
 * (a concurrent writer of the same aggregate) counts too. Failures with no stable code are {@code UNEXPECTED}.
 */
public class CommandFailureMetrics implements MessageHandlerInterceptor<CommandMessage<?>> {

    static final String METER = "kontor.command.failures";

    private final MeterRegistry registry;

    public CommandFailureMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        String command = unitOfWork.getMessage().getPayloadType().getSimpleName();
        unitOfWork.onRollback(u -> {
            Throwable failure = u.getExecutionResult() == null ? null : u.getExecutionResult().getExceptionResult();
            Counter.builder(METER).description("Commands refused or failed, by command and error code")
                   .tag("command", command).tag("code", codeOf(failure)).register(registry).increment();
        });
        return interceptorChain.proceed();
    }

    static String codeOf(Throwable failure) {
        if (failure == null) {
            return "UNEXPECTED";
        }
        return ErrorDetails.codeOf(failure).map(Enum::name).orElseGet(() -> {
            if (failure instanceof AggregateStreamCreationException) {
                return ErrorCode.DUPLICATE.name();
            }
            if (failure instanceof ConcurrencyException) {
                return ErrorCode.CONCURRENT_MODIFICATION.name();
            }
            if (failure instanceof AggregateNotFoundException) {
                return ErrorCode.NOT_FOUND.name();
            }
            if (failure instanceof EventStoreException) {
                return "EVENT_STORE";
            }
            return "UNEXPECTED";
        });
    }
}

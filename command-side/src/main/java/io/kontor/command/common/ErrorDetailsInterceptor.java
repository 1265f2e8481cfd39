package io.kontor.command.common;

import io.kontor.shared.KontorException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Turns a domain refusal into Axon's {@link CommandExecutionException} with {@link ErrorDetails}, so the code and
 * properties survive the command bus (also a distributed one, where the exception itself would not) and the HTTP
 * advice can map them back without looking at message text.
 */
public class ErrorDetailsInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        try {
            return interceptorChain.proceed();
        } catch (KontorException e) {
            throw new CommandExecutionException(e.getMessage(), e, ErrorDetails.of(e));
        }
    }
}

package io.kontor.command.common;

import io.kontor.eventlog.KontorEventStorageEngine;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Makes every command's result a {@link CommandReceipt} that learns, once the unit of work has committed, the
 * global position of the last event the command appended. The engine leaves that position in the root unit of
 * work's resources when it appends; it is only final after commit, which happens after the handler returned.
 */
public class CommandPositionInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        CommandReceipt receipt = new CommandReceipt(interceptorChain.proceed());
        unitOfWork.afterCommit(u -> {
            Object position = u.root().resources().get(KontorEventStorageEngine.LAST_POSITION_RESOURCE);
            if (position instanceof Long p) {
                receipt.committedAt(p);
            }
        });
        return receipt;
    }
}

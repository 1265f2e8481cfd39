package io.kontor.query.common;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Writes a processor batch's staged view changes right after its last event is handled. Not later: the processor
 * stores its token in the first prepare-commit step, and a view write after that could be lost in a crash. A
 * failing write fails the batch, which the processor then retries from its previous token.
 */
@Component
public class ViewFlushInterceptor implements MessageHandlerInterceptor<EventMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        Object result = interceptorChain.proceed();
        if (!(unitOfWork instanceof BatchingUnitOfWork<?> batch) || batch.isLastMessage()) {
            Views.flush(unitOfWork);
        }
        return result;
    }
}

package io.kontor.query.frontdesk;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;

/**
 * A live screen that closed its stream is found out on the next write to it: nobody is left to answer, so this is
 * not a failure to report as a problem (which could not be written to an event stream anyway).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class GoneClientAdvice {

    private static final Logger log = LoggerFactory.getLogger(GoneClientAdvice.class);

    @ExceptionHandler(AsyncRequestNotUsableException.class)
    void gone(AsyncRequestNotUsableException e) {
        log.debug("A client closed its stream: {}", e.getMessage());
    }
}

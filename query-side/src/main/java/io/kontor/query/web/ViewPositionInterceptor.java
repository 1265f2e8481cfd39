package io.kontor.query.web;

import io.kontor.query.common.ViewPositions;
import io.kontor.shared.ErrorCode;
import io.kontor.shared.KontorException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import java.time.Duration;
import java.util.Map;

/**
 * Read-your-writes for every {@link ReadsView} query: waits (up to {@link #MAX_WAIT}) for the requested position,
 * answers 503 {@code VIEW_NOT_CAUGHT_UP} if the view does not get there, and stamps {@value #POSITION_HEADER}.
 * The position is taken before the controller reads, so the view the client sees is at least that far.
 */
@Component
public class ViewPositionInterceptor implements HandlerInterceptor {

    public static final String POSITION_HEADER = "X-Kontor-Position";
    public static final String MIN_POSITION_HEADER = "X-Kontor-Min-Position";
    public static final String MIN_POSITION_PARAMETER = "minPosition";
    static final Duration MAX_WAIT = Duration.ofSeconds(5);

    private final ViewPositions positions;

    ViewPositionInterceptor(ViewPositions positions) {
        this.positions = positions;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        ReadsView view = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), ReadsView.class);
        if (view == null) {
            view = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), ReadsView.class);
        }
        if (view == null) {
            return true;
        }
        long minPosition = minPosition(request);
        if (minPosition > 0 && !positions.await(view.value(), minPosition, MAX_WAIT)) {
            throw new KontorException(ErrorCode.VIEW_NOT_CAUGHT_UP,
                    "the " + view.value() + " view has not reached position " + minPosition + " yet",
                    Map.of("minPosition", minPosition, "position", positions.position(view.value())));
        }
        response.setHeader(POSITION_HEADER, Long.toString(positions.position(view.value())));
        return true;
    }

    private static long minPosition(HttpServletRequest request) {
        String value = request.getParameter(MIN_POSITION_PARAMETER);
        String field = MIN_POSITION_PARAMETER;
        if (value == null) {
            value = request.getHeader(MIN_POSITION_HEADER);
            field = MIN_POSITION_HEADER;
        }
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            long position = Long.parseLong(value.strip());
            if (position < 0) {
                throw KontorException.invalidField(field, field + " must not be negative");
            }
            return position;
        } catch (NumberFormatException e) {
            throw KontorException.invalidField(field, field + " must be a whole number");
        }
    }
}

package io.kontor.query.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.kontor.query.web.ViewPositionInterceptor;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Each view's processor: the position it has applied (the least of its segments), the log head, the lag, and
 * whether it is LIVE or REPLAYING (an Axon reset in progress). Rebuilds beside the live view are not built yet.
 */
@RestController
class ProjectionsController {

    private final EventProcessingConfiguration processing;
    private final AuditLog log;

    ProjectionsController(EventProcessingConfiguration processing, AuditLog log) {
        this.processing = processing;
        this.log = log;
    }

    record ProjectionStatus(String name, long position, long head, long lag, String status, boolean running) {
    }

    @GetMapping("/api/audit/projections")
    @Operation(summary = "Each view's position, the log head, lag and status (roles AUDITOR, ADMIN)")
    ResponseEntity<List<ProjectionStatus>> projections() {
        long head = log.head();
        List<ProjectionStatus> answer = new ArrayList<>();
        new TreeMap<>(processing.eventProcessors()).forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                long position = position(streaming.processingStatus());
                answer.add(new ProjectionStatus(name, position, head, Math.max(0, head - position),
                        streaming.isReplaying() ? "REPLAYING" : "LIVE", streaming.isRunning()));
            }
        });
        return ResponseEntity.ok().header(ViewPositionInterceptor.POSITION_HEADER, Long.toString(head)).body(answer);
    }

    private static long position(Map<Integer, EventTrackerStatus> segments) {
        return segments.values().stream()
                .mapToLong(status -> status.getCurrentPosition().orElse(0L))
                .min().orElse(0L);
    }
}

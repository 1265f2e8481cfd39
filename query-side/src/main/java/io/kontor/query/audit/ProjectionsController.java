package io.kontor.query.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.kontor.query.web.ViewPositionInterceptor;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import io.kontor.query.common.ProjectionRebuilds;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Each view's processor: the position it has applied (the least of its segments), the log head, the lag, and
 * whether it is LIVE or REPLAYING (an Axon reset in progress). A view being rebuilt beside
 * the live one ({@code POST /api/audit/projections/{name}/rebuild}, ADMIN) is REBUILDING, with the rebuild's progress.
 */
@RestController
class ProjectionsController {

    private final EventProcessingConfiguration processing;
    private final AuditLog log;
    private final ProjectionRebuilds rebuilds;

    ProjectionsController(EventProcessingConfiguration processing, AuditLog log, ProjectionRebuilds rebuilds) {
        this.processing = processing;
        this.log = log;
        this.rebuilds = rebuilds;
    }

    /** {@code rebuild} is the progress of a rebuild beside the live view (status REBUILDING), else null. */
    record ProjectionStatus(String name, long position, long head, long lag, String status, boolean running,
                            boolean rebuildable, ProjectionRebuilds.Progress rebuild) {
    }

    @GetMapping("/api/audit/projections")
    @Operation(summary = "Each view's position, the log head, lag and status (roles AUDITOR, ADMIN)")
    ResponseEntity<List<ProjectionStatus>> projections() {
        long head = log.head();
        List<ProjectionStatus> answer = new ArrayList<>();
        new TreeMap<>(processing.eventProcessors()).forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                long position = position(streaming.processingStatus());
                ProjectionRebuilds.Progress rebuild = rebuilds.progress(name).orElse(null);
                String status = rebuild != null ? "REBUILDING" : streaming.isReplaying() ? "REPLAYING" : "LIVE";
                answer.add(new ProjectionStatus(name, position, head, Math.max(0, head - position), status,
                        streaming.isRunning(), rebuilds.knows(name), rebuild));
            }
        });
        return ResponseEntity.ok().header(ViewPositionInterceptor.POSITION_HEADER, Long.toString(head)).body(answer);
    }

    @PostMapping("/api/audit/projections/{name}/rebuild")
    @Operation(summary = "Rebuild a view beside the live one and swap when caught up (role ADMIN); 409 while one runs")
    ResponseEntity<ProjectionRebuilds.Progress> rebuild(@PathVariable String name) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(rebuilds.start(name));
    }

    private static long position(Map<Integer, EventTrackerStatus> segments) {
        return segments.values().stream()
                .mapToLong(status -> status.getCurrentPosition().orElse(0L))
                .min().orElse(0L);
    }
}

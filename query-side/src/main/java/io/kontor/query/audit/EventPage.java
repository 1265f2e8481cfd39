package io.kontor.query.audit;

import java.util.List;

/**
 * A page of the log: the events that matched, {@code next} (the last position examined: ask again with
 * {@code after=next}) and the head the page was read against; the log has been read to the end when
 * {@code next >= head}.
 */
record EventPage(List<AuditEvent> events, long next, long head) {
}

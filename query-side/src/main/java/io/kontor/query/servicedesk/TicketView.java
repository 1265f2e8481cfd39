package io.kontor.query.servicedesk;

import org.bson.Document;

import java.time.Instant;
import java.util.Date;
import java.util.List;

/** A ticket as the service desk's view holds it. */
public record TicketView(String id, String reporter, String category, String priority, String title,
                         String description, String status, String assignee, Instant openedAt, Instant breachAt,
                         Instant firstResponseAt, Instant resolvedAt, String resolution, int reopenings,
                         List<Comment> comments) {

    public record Comment(String commentId, String author, boolean bySupport, String text, Instant at) {
    }

    boolean open() {
        return TicketStatus.OPEN.name().equals(status);
    }

    static TicketView of(Document d) {
        return new TicketView(d.getString("ticketId"), d.getString("reporter"), d.getString("category"),
                d.getString("priority"), d.getString("title"), d.getString("description"), d.getString("status"),
                d.getString("assignee"), instant(d, "openedAt"), instant(d, "breachAt"),
                instant(d, ServiceDeskProjection.FIRST_RESPONSE), instant(d, "resolvedAt"), d.getString("resolution"),
                d.getInteger("reopenings", 0),
                d.getList("comments", Document.class).stream().map(c -> new Comment(c.getString("commentId"),
                        c.getString("author"), c.getBoolean("bySupport", false), c.getString("text"),
                        instant(c, "at"))).toList());
    }

    private static Instant instant(Document d, String field) {
        Date date = d.getDate(field);
        return date == null ? null : date.toInstant();
    }
}

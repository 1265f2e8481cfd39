package io.kontor.query.hr;

import io.kontor.events.hr.AbsenceRecorded;
import io.kontor.events.hr.ShiftCancelled;
import io.kontor.events.hr.ShiftScheduled;
import io.kontor.query.common.DocumentFold;
import io.kontor.query.common.Views;
import org.bson.Document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.function.Consumer;

/**
 * The roster's days of one processor batch, folded in memory: one document per calendar day, keyed by the date,
 * with that day's shifts and who is absent, so a roster for a date range reads its days by key. A day's document is
 * read at most once per batch, each event changes it in memory, and it is written once per batch
 * ({@link DocumentFold}). An event at or before the position a day already reflects is a redelivery and changes
 * nothing on that day.
 */
final class RosterDayFold implements Views.StagedWrites {

    private final DocumentFold days;

    RosterDayFold(Views views) {
        this.days = new DocumentFold(views, HrProjection.ROSTER_DAYS);
    }

    void apply(long position, ShiftScheduled event) {
        change(event.date(), position, day -> day.getList("shifts", Document.class).add(
                new Document("shiftId", event.shiftId())
                        .append("employeeId", event.employeeId())
                        .append("name", event.name())
                        .append("department", event.department())
                        .append("start", event.start().toString())
                        .append("end", event.end().toString())
                        .append("role", event.role())
                        .append("location", event.location())));
    }

    void apply(long position, ShiftCancelled event) {
        change(event.date(), position, day -> day.getList("shifts", Document.class)
                .removeIf(shift -> shift.getString("shiftId").equals(event.shiftId())));
    }

    void apply(long position, AbsenceRecorded event) {
        Document absent = new Document("absenceId", event.absenceId())
                .append("employeeId", event.employeeId())
                .append("name", event.name())
                .append("department", event.department())
                .append("kind", event.kind().name())
                .append("from", event.from().toString())
                .append("to", event.to().toString());
        for (LocalDate date = event.from(); !date.isAfter(event.to()); date = date.plusDays(1)) {
            change(date, position, day -> day.getList("absent", Document.class).add(new Document(absent)));
        }
    }

    private void change(LocalDate date, long position, Consumer<Document> change) {
        String key = date.toString();
        if (days.applied(key, position)) {
            return;
        }
        Document day = days.get(key);
        if (day == null) {
            day = new Document("_id", key).append("date", key).append("shifts", new ArrayList<Document>())
                    .append("absent", new ArrayList<Document>());
        }
        change.accept(day);
        days.changed(key, day, position);
    }

    /** Stages each changed day once, in its final state, into the collection's batch. */
    @Override
    public void flush() {
        days.flush();
    }
}

package io.kontor.query.hr;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import io.kontor.events.hr.AbsenceRecorded;
import io.kontor.events.hr.ShiftCancelled;
import io.kontor.events.hr.ShiftScheduled;
import io.kontor.query.common.ViewBatch;
import io.kontor.query.common.Views;
import org.bson.Document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The roster's days of one processor batch, folded in memory: one document per calendar day, keyed by the date,
 * with that day's shifts and who is absent, so a roster for a date range reads its days by key. A day's document is
 * read at most once per batch; each event changes it in memory and stages a position-guarded replace. An event at or
 * before the position a day already reflects is a redelivery and changes nothing on that day.
 */
final class RosterDayFold implements Views.StagedWrites {

    private final Views views;
    private final MongoCollection<Document> collection;
    private final Map<String, Document> days = new HashMap<>();

    RosterDayFold(Views views) {
        this.views = views;
        this.collection = views.writing(HrProjection.ROSTER_DAYS);
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
        Document day = days.computeIfAbsent(key, id -> collection.find(Filters.eq("_id", id)).first());
        if (day != null && day.getLong(ViewBatch.POSITION) >= position) {
            return;
        }
        if (day == null) {
            day = new Document("_id", key).append("date", key).append("shifts", new ArrayList<Document>())
                    .append("absent", new ArrayList<Document>());
        }
        change.accept(day);
        day.append(ViewBatch.POSITION, position);
        days.put(key, day);
        views.batch(HrProjection.ROSTER_DAYS).put(key, copy(day), position);
    }

    /** The staged document must not change when a later event of the batch changes the day in memory. */
    private static Document copy(Document day) {
        return new Document(day).append("shifts", copies(day.getList("shifts", Document.class)))
                .append("absent", copies(day.getList("absent", Document.class)));
    }

    private static List<Document> copies(List<Document> documents) {
        return documents.stream().map(Document::new).toList();
    }

    /** The replaces are staged in the collection's batch, written with the others; nothing of its own to write. */
    @Override
    public void flush() {
        days.clear();
    }
}

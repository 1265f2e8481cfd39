package io.kontor.query.reporting;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import io.kontor.query.common.Generations;
import io.kontor.query.common.ViewBatch;
import org.bson.Document;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One generation of the KPI view: a document per calendar day in {@value #DAYS} (later generations suffixed
 * {@code _g<generation>}), keyed by the ISO date, holding each measure's total for the day as a decimal string and
 * the position of the last event applied to it; and the rules' {@linkplain KpiRules.Facts facts} in
 * {@value #FACTS}, a document per key with its value.
 */
public final class KpiStore implements Generations.Store {

    public static final String DAYS = "kpi_days";
    public static final String FACTS = "kpi_facts";

    private final long generation;
    private final MongoCollection<Document> days;
    private final MongoCollection<Document> facts;

    public KpiStore(MongoDatabase database, long generation) {
        this.generation = generation;
        String suffix = generation == 0 ? "" : "_g" + generation;
        this.days = database.getCollection(DAYS + suffix);
        this.facts = database.getCollection(FACTS + suffix);
    }

    /** A day's measures and the position they reflect. */
    public record Day(LocalDate date, Map<String, BigDecimal> measures, long position) {
    }

    @Override
    public long generation() {
        return generation;
    }

    /** The stored days among {@code dates}, by date. */
    Map<LocalDate, Day> read(Collection<LocalDate> dates) {
        Map<LocalDate, Day> found = new LinkedHashMap<>();
        days.find(Filters.in("_id", dates.stream().map(LocalDate::toString).toList()))
                .forEach(d -> found.put(LocalDate.parse(d.getString("_id")), day(d)));
        return found;
    }

    /**
     * Every stored day up to and including {@code to}, in date order: the levels (headcount, stock value) at a date
     * are the sums of all days before it. One read; a range, so a scan on the embedded server, over at most one
     * document per day with activity.
     */
    public TreeMap<LocalDate, Day> upTo(LocalDate to) {
        TreeMap<LocalDate, Day> found = new TreeMap<>();
        days.find(Filters.lte("_id", to.toString())).forEach(d -> found.put(LocalDate.parse(d.getString("_id")), day(d)));
        return found;
    }

    /** Writes whole days, each already folded from its stored state. */
    void write(Collection<Day> changed) {
        if (changed.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (Day day : changed) {
            Document measures = new Document();
            new TreeMap<>(day.measures()).forEach((k, v) -> measures.append(k, v.toPlainString()));
            Document doc = new Document("_id", day.date().toString()).append("measures", measures)
                    .append(ViewBatch.POSITION, day.position());
            writes.add(new ReplaceOneModel<>(Filters.eq("_id", doc.get("_id")), doc, new ReplaceOptions().upsert(true)));
        }
        days.bulkWrite(writes, new BulkWriteOptions().ordered(true));
    }

    /** The stored value of a fact, or null. */
    String fact(String key) {
        Document found = facts.find(Filters.eq("_id", key)).first();
        return found == null ? null : found.getString("value");
    }

    /** Stores facts; writing one again with the same value changes nothing, so a redelivery may. */
    void writeFacts(Map<String, String> changed) {
        if (changed.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = new ArrayList<>();
        changed.forEach((key, value) -> writes.add(new ReplaceOneModel<>(Filters.eq("_id", key),
                new Document("_id", key).append("value", value), new ReplaceOptions().upsert(true))));
        facts.bulkWrite(writes, new BulkWriteOptions().ordered(true));
    }

    @Override
    public void drop() {
        days.drop();
        facts.drop();
    }

    private static Day day(Document d) {
        Map<String, BigDecimal> measures = new LinkedHashMap<>();
        d.get("measures", Document.class).forEach((k, v) -> measures.put(k, new BigDecimal((String) v)));
        return new Day(LocalDate.parse(d.getString("_id")), measures, ((Number) d.get(ViewBatch.POSITION)).longValue());
    }
}

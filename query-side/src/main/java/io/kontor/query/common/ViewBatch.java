package io.kontor.query.common;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The pending writes to one view collection, guarded by position: every document records the log position of the
 * last event applied to it in {@value #POSITION}, and a write only applies to a document that is behind the
 * writing event. Delivery is at-least-once; with this guard a redelivered event changes nothing.
 *
 * <p>The guard is checked in memory against one {@code $in} read of the touched documents' positions, and every
 * write filters on {@code _id} alone. A filter on {@code _id} plus anything else is a full collection scan on the
 * embedded server (its indexes serve only queries on exactly their keys), which would make each write cost as
 * much as the view is large. A document is written by one processor segment only (its events share a sequencing
 * key), so nothing changes it between the read and the write.
 */
public final class ViewBatch implements Views.StagedWrites {

    public static final String POSITION = "position";

    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

    private final MongoCollection<Document> collection;
    private final List<Write> writes = new ArrayList<>();

    private record Write(Object id, long position, Document replacement, Bson update) {
    }

    /** Positions of documents whose writer read them in this batch: no need to read them again for the guard. */
    private final Map<Object, Long> known = new HashMap<>();
    private static final long ABSENT = -1;

    ViewBatch(MongoCollection<Document> collection) {
        this.collection = collection;
    }

    /** Inserts or replaces the whole document {@code id}, unless it already reflects {@code position}. */
    public void put(Object id, Document document, long position) {
        Document full = new Document(document).append("_id", id).append(POSITION, position);
        writes.add(new Write(id, position, full, null));
    }

    /**
     * Like {@link #put}, from a writer that read the document in this batch and saw it at {@code current} (null: no
     * such document): the guard then needs no read of its own.
     */
    public void put(Object id, Document document, long position, Long current) {
        known.putIfAbsent(id, current == null ? ABSENT : current);
        put(id, document, position);
    }

    /** Applies {@code update} to the existing document {@code id}, unless it already reflects {@code position}. */
    public void update(Object id, Bson update, long position) {
        writes.add(new Write(id, position, null, Updates.combine(update, Updates.set(POSITION, position))));
    }

    @Override
    public void flush() {
        if (writes.isEmpty()) {
            return;
        }
        List<Write> pending = List.copyOf(writes);
        writes.clear();
        Map<Object, Long> positions = currentPositions(pending);
        known.clear();
        // A replace overwrites whatever earlier writes of the batch did to its document, so those are not sent.
        Map<Object, Integer> lastReplace = new HashMap<>();
        for (int i = 0; i < pending.size(); i++) {
            if (pending.get(i).replacement() != null) {
                lastReplace.put(pending.get(i).id(), i);
            }
        }
        List<WriteModel<Document>> models = new ArrayList<>();
        for (int i = 0; i < pending.size(); i++) {
            Write write = pending.get(i);
            if (i < lastReplace.getOrDefault(write.id(), -1)) {
                continue;
            }
            Long current = positions.get(write.id());
            if (current != null && current >= write.position()) {
                continue;
            }
            if (write.replacement() != null) {
                models.add(new ReplaceOneModel<>(Filters.eq("_id", write.id()), write.replacement(), UPSERT));
                positions.put(write.id(), write.position());
            } else if (current != null) {
                models.add(new UpdateOneModel<>(Filters.eq("_id", write.id()), write.update()));
                positions.put(write.id(), write.position());
            }
        }
        if (!models.isEmpty()) {
            // Ordered, because several events of one batch may change the same document in turn.
            collection.bulkWrite(models, new BulkWriteOptions().ordered(true));
        }
    }

    private Map<Object, Long> currentPositions(List<Write> pending) {
        Set<Object> ids = new LinkedHashSet<>();
        Map<Object, Long> positions = new HashMap<>();
        pending.forEach(write -> {
            Long current = known.get(write.id());
            if (current == null) {
                ids.add(write.id());
            } else if (current != ABSENT) {
                positions.put(write.id(), current);
            }
        });
        if (!ids.isEmpty()) {
            collection.find(Filters.in("_id", ids)).projection(Projections.include(POSITION))
                    .forEach(doc -> positions.put(doc.get("_id"), ((Number) doc.get(POSITION)).longValue()));
        }
        return positions;
    }
}

package io.kontor.query.common;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.List;

/**
 * The pending writes to one view collection, guarded by position: every document records the log position of the
 * last event applied to it in {@value #POSITION}, and a write only applies to a document that is behind the
 * writing event. Delivery is at-least-once; with this guard a redelivered event changes nothing.
 */
public final class ViewBatch implements Views.StagedWrites {

    public static final String POSITION = "position";

    private final MongoCollection<Document> collection;
    private final List<WriteModel<Document>> writes = new ArrayList<>();

    ViewBatch(MongoCollection<Document> collection) {
        this.collection = collection;
    }

    /** Inserts or replaces the whole document {@code id}, unless it already reflects {@code position}. */
    public void put(Object id, Document document, long position) {
        Document full = new Document(document).append("_id", id).append(POSITION, position);
        writes.add(new ReplaceOneModel<>(behind(id, position), full, new ReplaceOptions().upsert(true)));
    }

    /** Applies {@code update} to the existing document {@code id}, unless it already reflects {@code position}. */
    public void update(Object id, Bson update, long position) {
        writes.add(new UpdateOneModel<>(behind(id, position), Updates.combine(update, Updates.set(POSITION, position))));
    }

    private static Bson behind(Object id, long position) {
        return Filters.and(Filters.eq("_id", id), Filters.lt(POSITION, position));
    }

    @Override
    public void flush() {
        List<WriteModel<Document>> pending = List.copyOf(writes);
        writes.clear();
        // Ordered, because several events of one batch may change the same document in turn.
        int from = 0;
        while (from < pending.size()) {
            try {
                collection.bulkWrite(pending.subList(from, pending.size()), new BulkWriteOptions().ordered(true));
                return;
            } catch (MongoBulkWriteException e) {
                BulkWriteError error = e.getWriteErrors().get(0);
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                // The upsert found its document already at or past this position: a redelivery, skip it.
                from += error.getIndex() + 1;
            }
        }
    }
}

package io.kontor.query.common;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.axonframework.eventhandling.EventMessage;
import org.bson.Document;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Documents of one view collection folded in memory for one processor batch, for views whose events change a
 * document in place (an invoice, a day's list). A document is read by {@code _id} at most once per batch, every
 * event of the batch changes the same in-memory copy, and the document is staged once, in its final state, into the
 * collection's {@link ViewBatch} when the batch ends ({@link Views#flush}): a document that twenty events of a batch
 * change is encoded and written once, not twenty times. An event at or before the position a document already
 * reflects is a redelivery and changes nothing in it.
 *
 * <p>A fold told which document each event changes ({@code documentOf}) reads all documents of the batch with one
 * {@code $in} on the first read, instead of one round trip per document.
 */
public final class DocumentFold {

    private final Views views;
    private final String name;
    private final MongoCollection<Document> collection;
    private final Map<Object, Document> documents = new HashMap<>();
    /** The position each document had when this batch read it (null: there was none). */
    private final Map<Object, Long> read = new HashMap<>();
    private final Map<Object, Long> changed = new LinkedHashMap<>();
    private final Function<EventMessage<?>, Object> documentOf;
    private boolean prefetched;

    /** The fold of view collection {@code collection} in the generation the current unit of work writes. */
    public DocumentFold(Views views, String collection) {
        this(views, collection, event -> null);
    }

    /**
     * The same, where {@code documentOf} names the document an event of the batch changes (null for none), so the
     * batch's documents are read together. It must not deserialize payloads it does not need: check the payload
     * type first.
     */
    public DocumentFold(Views views, String collection, Function<EventMessage<?>, Object> documentOf) {
        this.views = views;
        this.name = collection;
        this.collection = views.writing(collection);
        this.documentOf = documentOf;
    }

    /** Document {@code id} as this batch has folded it so far, read from the view on first use; null if none. */
    public Document get(Object id) {
        if (!prefetched) {
            prefetched = true;
            prefetch();
        }
        if (!documents.containsKey(id)) {
            remember(id, collection.find(Filters.eq("_id", id)).first());
        }
        return documents.get(id);
    }

    private void prefetch() {
        Set<Object> ids = new LinkedHashSet<>();
        for (EventMessage<?> event : Views.batchEvents()) {
            Object id = documentOf.apply(event);
            if (id != null && !documents.containsKey(id)) {
                ids.add(id);
            }
        }
        if (ids.size() > 1) {
            ids.forEach(id -> remember(id, null));
            collection.find(Filters.in("_id", ids)).forEach(document -> remember(document.get("_id"), document));
        }
    }

    private void remember(Object id, Document document) {
        documents.put(id, document);
        read.put(id, document == null ? null : document.getLong(ViewBatch.POSITION));
    }

    /** Whether document {@code id} already reflects the event at {@code position} (a redelivery). */
    public boolean applied(Object id, long position) {
        Document document = get(id);
        return document != null && document.getLong(ViewBatch.POSITION) >= position;
    }

    /** Records {@code document} as what {@code id} holds once the event at {@code position} is applied. */
    public void changed(Object id, Document document, long position) {
        document.put(ViewBatch.POSITION, position);
        documents.put(id, document);
        changed.put(id, position);
    }

    /** Stages every changed document, once, into the collection's batch, and forgets the batch's documents. */
    public void flush() {
        if (!changed.isEmpty()) {
            ViewBatch batch = views.batch(name);
            changed.forEach((id, position) -> {
                if (read.containsKey(id)) {
                    batch.put(id, documents.get(id), position, read.get(id));
                } else {
                    batch.put(id, documents.get(id), position);
                }
            });
        }
        changed.clear();
        documents.clear();
        read.clear();
        prefetched = false;
    }
}

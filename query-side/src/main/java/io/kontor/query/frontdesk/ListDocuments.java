package io.kontor.query.frontdesk;

import io.kontor.query.common.DocumentFold;
import io.kontor.query.common.Views;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The front desk's list documents of one processor batch, folded in memory: each document, keyed by what a screen
 * reads it by (the visitors on site, a day's visitors, a resource's day), holds a list of {@value #ITEMS} with an
 * {@code id} each, so a screen reads one document by key. A document is read at most once per batch, each event
 * changes it in memory, and it is written once per batch ({@link DocumentFold}). An event at or before the position
 * a document already reflects is a redelivery and changes nothing in it.
 */
public final class ListDocuments implements Views.StagedWrites {

    public static final String ITEMS = "items";

    private final DocumentFold documents;

    private ListDocuments(Views views, String collection) {
        this.documents = new DocumentFold(views, collection);
    }

    /** The current unit of work's fold of {@code collection}. */
    public static ListDocuments of(Views views, String collection) {
        return views.staged(ListDocuments.class.getName() + ":" + collection,
                () -> new ListDocuments(views, collection));
    }

    /** Changes the items of document {@code key} as the event at {@code position} says, unless it already did. */
    public void change(String key, long position, Consumer<List<Document>> change) {
        if (documents.applied(key, position)) {
            return;
        }
        Document document = documents.get(key);
        if (document == null) {
            document = new Document("_id", key).append(ITEMS, new ArrayList<Document>());
        }
        change.accept(document.getList(ITEMS, Document.class));
        documents.changed(key, document, position);
    }

    /** Whether document {@code key}, as this batch has folded it so far, has an item with {@code id}. */
    public boolean contains(String key, String id) {
        Document document = documents.get(key);
        return document != null && document.getList(ITEMS, Document.class).stream()
                .anyMatch(item -> id.equals(item.getString("id")));
    }

    /** Whether document {@code key}, as this batch has folded it so far, has no items (or does not exist). */
    public boolean isEmpty(String key) {
        Document document = documents.get(key);
        return document == null || document.getList(ITEMS, Document.class).isEmpty();
    }

    /** Adds {@code item}, or replaces the item with its id. */
    public static void upsert(List<Document> items, Document item) {
        remove(items, item.getString("id"));
        items.add(item);
    }

    public static void remove(List<Document> items, String id) {
        items.removeIf(item -> id.equals(item.getString("id")));
    }

    /** Sets {@code field} on the item with {@code id}, if it is there. */
    public static void set(List<Document> items, String id, String field, Object value) {
        items.stream().filter(item -> id.equals(item.getString("id"))).forEach(item -> item.append(field, value));
    }

    /** Stages each changed document once, in its final state, into the collection's batch. */
    @Override
    public void flush() {
        documents.flush();
    }
}

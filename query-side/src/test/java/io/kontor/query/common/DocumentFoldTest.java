package io.kontor.query.common;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import io.kontor.eventlog.testing.TestMongo;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

class DocumentFoldTest {

    private MongoDatabase database;
    private Views views;

    @BeforeEach
    void setUp() {
        database = TestMongo.freshDatabase();
        views = new Views(database);
    }

    /** Runs {@code work} in one unit of work, flushed the way a processor batch is flushed when its last event ends. */
    private void batch(Consumer<Views> work) {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        work.accept(views);
        Views.flush(unitOfWork);
        unitOfWork.commit();
    }

    private static final class ListFold implements Views.StagedWrites {
        private final DocumentFold fold;

        ListFold(Views views) {
            this.fold = new DocumentFold(views, "lists");
        }

        ListFold(Views views, java.util.function.Function<EventMessage<?>, Object> documentOf) {
            this.fold = new DocumentFold(views, "lists", documentOf);
        }

        void add(String id, String item, long position) {
            if (fold.applied(id, position)) {
                return;
            }
            Document document = fold.get(id);
            if (document == null) {
                document = new Document("items", new ArrayList<String>());
            }
            document.getList("items", String.class).add(item);
            fold.changed(id, document, position);
        }

        @Override
        public void flush() {
            fold.flush();
        }
    }

    private static ListFold fold(Views views) {
        return views.staged("lists-fold", () -> new ListFold(views));
    }

    /** A client of the test server that records each {@code command} it sends, as JSON, in {@code sent}. */
    private static MongoClient recording(String command, List<String> sent) {
        CommandListener listener = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                if (event.getCommandName().equals(command)) {
                    sent.add(event.getCommand().toJson());
                }
            }
        };
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(TestMongo.connectionString()))
                .addCommandListener(listener).build());
    }

    private MongoCollection<Document> lists() {
        return database.getCollection("lists");
    }

    @Test
    void eachEventOfABatchChangesTheDocumentAndItIsWrittenInItsFinalState() {
        batch(v -> {
            fold(v).add("day", "a", 1);
            fold(v).add("day", "b", 2);
        });
        batch(v -> {
            fold(v).add("day", "c", 3);
            fold(v).add("other", "x", 4);
            fold(v).add("day", "d", 5);
        });

        assertThat(lists().find(eq("_id", "day")).first())
                .containsEntry("items", List.of("a", "b", "c", "d")).containsEntry("position", 5L);
        assertThat(lists().find(eq("_id", "other")).first()).containsEntry("items", List.of("x"));
    }

    @Test
    void aRedeliveredBatchChangesNothing() {
        batch(v -> {
            fold(v).add("day", "a", 1);
            fold(v).add("day", "b", 2);
        });

        batch(v -> {
            fold(v).add("day", "a", 1);
            fold(v).add("day", "b", 2);
            fold(v).add("day", "c", 3);
        });

        assertThat(lists().find(eq("_id", "day")).first())
                .containsEntry("items", List.of("a", "b", "c")).containsEntry("position", 3L);
    }

    @Test
    void aFoldIsWrittenEvenWhenItsCollectionsBatchWasStagedBeforeIt() {
        // The collection's batch is registered first, so a flush in registration order would write it before the
        // fold staged anything into it.
        batch(v -> {
            v.batch("lists").put("plain", new Document("items", List.of("p")), 1);
            fold(v).add("day", "a", 2);
        });

        assertThat(lists().find(eq("_id", "plain")).first()).containsEntry("items", List.of("p"));
        assertThat(lists().find(eq("_id", "day")).first()).containsEntry("items", List.of("a"));
    }

    @Test
    void theDocumentsABatchChangesAreReadWithOneQuery() {
        batch(v -> {
            fold(v).add("a", "old", 1);
            fold(v).add("b", "old", 2);
        });
        List<String> finds = new ArrayList<>();
        List<EventMessage<String>> events = List.of("a", "b", "c", "a").stream()
                .<EventMessage<String>>map(GenericEventMessage::new).toList();

        try (MongoClient client = recording("find", finds)) {
            Views countedViews = new Views(client.getDatabase(database.getName()));
            BatchingUnitOfWork<EventMessage<String>> unitOfWork = new BatchingUnitOfWork<>(events);
            unitOfWork.start();
            long position = 3;
            for (EventMessage<String> event : events) {
                countedViews.staged("prefetching-fold", () -> new ListFold(countedViews, m -> m.getPayload()))
                        .add(event.getPayload(), "new", position++);
            }
            Views.flush(unitOfWork);
            unitOfWork.commit();
        }

        // One read of the batch's documents; the position guard uses the positions that read saw.
        assertThat(finds).hasSize(1);
        assertThat(lists().find(eq("_id", "a")).first()).containsEntry("items", List.of("old", "new", "new"));
        assertThat(lists().find(eq("_id", "c")).first()).containsEntry("items", List.of("new"));
    }

    @Test
    void aDocumentChangedByManyEventsOfABatchIsSentOnce() {
        List<String> updates = new ArrayList<>();
        try (MongoClient client = recording("update", updates)) {
            Views countedViews = new Views(client.getDatabase(database.getName()));
            UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
            for (long position = 1; position <= 50; position++) {
                fold(countedViews).add("day", "visit-" + position, position);
            }
            Views.flush(unitOfWork);
            unitOfWork.commit();
        }

        assertThat(updates).hasSize(1);
        assertThat(updates.get(0)).containsOnlyOnce("\"q\": {\"_id\": \"day\"}");
        assertThat(lists().find(eq("_id", "day")).first().getList("items", String.class)).hasSize(50);
    }
}

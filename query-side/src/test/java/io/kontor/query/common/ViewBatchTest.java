package io.kontor.query.common;

import com.mongodb.client.MongoCollection;
import io.kontor.eventlog.testing.TestMongo;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.function.Consumer;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.inc;
import static org.assertj.core.api.Assertions.assertThat;

class ViewBatchTest {

    private MongoCollection<Document> view;

    @BeforeEach
    void setUp() {
        view = TestMongo.freshDatabase().getCollection("view");
    }

    private void write(Consumer<ViewBatch> writes) {
        ViewBatch batch = new ViewBatch(view);
        writes.accept(batch);
        batch.flush();
    }

    private Document doc(String id) {
        return view.find(eq("_id", id)).first();
    }

    @Test
    void updatesApplyInOrderWithinOneBatch() {
        write(b -> {
            b.put("a", new Document("count", 1), 5);
            b.update("a", inc("count", 1), 6);
            b.update("a", inc("count", 1), 7);
        });

        assertThat(doc("a")).containsEntry("count", 3).containsEntry("position", 7L);
    }

    @Test
    void aRedeliveredUpdateChangesNothing() {
        write(b -> {
            b.put("a", new Document("count", 1), 5);
            b.update("a", inc("count", 1), 6);
        });

        write(b -> b.update("a", inc("count", 1), 6));

        assertThat(doc("a")).containsEntry("count", 2).containsEntry("position", 6L);
    }

    @Test
    void aLaterReplaceWinsOverEverythingBeforeItInTheBatch() {
        write(b -> b.put("a", new Document("count", 1), 2));

        write(b -> {
            b.update("a", inc("count", 1), 3);
            b.put("a", new Document("count", 10), 4);
            b.update("a", inc("count", 1), 5);
            b.put("a", new Document("name", "last"), 6);
            b.update("a", inc("count", 5), 7);
        });

        assertThat(doc("a")).containsEntry("name", "last").containsEntry("count", 5)
                .containsEntry("position", 7L);
    }

    @Test
    void aWriterThatReadTheDocumentInTheBatchSparesTheGuardItsRead() {
        write(b -> b.put("a", new Document("name", "first"), 5));

        write(b -> {
            b.put("a", new Document("name", "stale"), 4, 5L);
            b.put("b", new Document("name", "new"), 6, null);
        });

        assertThat(doc("a")).containsEntry("name", "first").containsEntry("position", 5L);
        assertThat(doc("b")).containsEntry("name", "new").containsEntry("position", 6L);
    }

    @Test
    void anUpdateOfAMissingDocumentCreatesNothing() {
        write(b -> b.update("ghost", inc("count", 1), 3));

        assertThat(view.countDocuments()).isZero();
    }

    @Test
    void aSkippedRedeliveryDoesNotStopTheRestOfTheBatch() {
        write(b -> b.put("a", new Document("name", "new"), 9));

        write(b -> {
            b.put("a", new Document("name", "stale"), 3);
            b.put("b", new Document("name", "fresh"), 10);
            b.put("a", new Document("name", "stale again"), 4);
            b.update("b", inc("hits", 1), 11);
        });

        assertThat(doc("a")).containsEntry("name", "new").containsEntry("position", 9L);
        assertThat(doc("b")).containsEntry("name", "fresh").containsEntry("hits", 1).containsEntry("position", 11L);
    }

    @Test
    void aFlushedBatchHasNothingLeftToWrite() {
        ViewBatch batch = new ViewBatch(view);
        batch.put("a", new Document("name", "x"), 1);
        batch.flush();
        view.deleteMany(new Document());

        batch.flush();

        assertThat(view.countDocuments()).isZero();
    }
}

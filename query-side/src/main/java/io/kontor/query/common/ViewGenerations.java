package io.kontor.query.common;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which generation of each view is live, one document per view in {@value #COLLECTION} (read by {@code _id}, the
 * view's name). A view without a document is in generation 0. A rebuild writes the new generation here when it
 * swaps. Every process reads it again when its copy is older than the refresh interval, so a query side that did
 * not run the rebuild answers from the new generation within that interval, without a restart.
 */
@Component
public class ViewGenerations {

    static final String COLLECTION = "view_generations";

    private final MongoCollection<Document> generations;
    private final long refreshNanos;
    private final Map<String, Known> known = new ConcurrentHashMap<>();

    private record Known(long generation, long readAt) {
    }

    /** A refresh interval of one second. */
    public ViewGenerations(MongoDatabase database) {
        this(database, Duration.ofSeconds(1));
    }

    @Autowired
    public ViewGenerations(MongoDatabase database,
                           @Value("${kontor.query.generation-refresh:1s}") Duration refresh) {
        this.generations = database.getCollection(COLLECTION);
        this.refreshNanos = refresh.toNanos();
    }

    /** The live generation of {@code view}, as recorded at most one refresh interval ago. */
    public long live(String view) {
        long now = System.nanoTime();
        Known copy = known.get(view);
        if (copy != null && now - copy.readAt() < refreshNanos) {
            return copy.generation();
        }
        Document doc = generations.find(Filters.eq("_id", view)).first();
        long generation = doc == null ? 0 : ((Number) doc.get("generation")).longValue();
        known.put(view, new Known(generation, now));
        return generation;
    }

    public void setLive(String view, long generation) {
        generations.replaceOne(Filters.eq("_id", view), new Document("_id", view).append("generation", generation),
                new ReplaceOptions().upsert(true));
        known.put(view, new Known(generation, System.nanoTime()));
    }

    /** The collection that holds generation {@code generation} of a view collection named {@code base}. */
    public static String collectionName(String base, long generation) {
        if (generation < 0) {
            throw new IllegalArgumentException("generation must not be negative: " + generation);
        }
        return generation == 0 ? base : base + "_g" + generation;
    }
}

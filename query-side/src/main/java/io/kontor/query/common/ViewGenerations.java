package io.kontor.query.common;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Which generation of each view is live, one document per view in {@value #COLLECTION} (read by {@code _id}, the
 * view's name). A view without a document is in generation 0. A rebuild writes the new generation here when it
 * swaps, so a restarted query side (or another process) reads the generation the rebuild made live.
 */
@Component
public class ViewGenerations {

    static final String COLLECTION = "view_generations";

    private final MongoCollection<Document> generations;

    public ViewGenerations(MongoDatabase database) {
        this.generations = database.getCollection(COLLECTION);
    }

    public long live(String view) {
        Document doc = generations.find(Filters.eq("_id", view)).first();
        return doc == null ? 0 : ((Number) doc.get("generation")).longValue();
    }

    public void setLive(String view, long generation) {
        generations.replaceOne(Filters.eq("_id", view), new Document("_id", view).append("generation", generation),
                new ReplaceOptions().upsert(true));
    }
}

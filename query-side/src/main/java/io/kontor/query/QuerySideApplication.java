package io.kontor.query;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Kontor's query side: the projections that fold the event log into views, and the query and audit API.
 * <p>
 * Its settings live in {@code query-side.yml} rather than {@code application.yml} so that both apps can run in one
 * JVM (the end-to-end tests do) without one reading the other's defaults. Spring Boot's own MongoDB
 * auto-configuration is off: Kontor builds its one {@code MongoClient} itself.
 */
@SpringBootApplication(exclude = MongoAutoConfiguration.class)
public class QuerySideApplication {

    public static void main(String[] args) {
        builder().run(args);
    }

    /** The application as {@code main} starts it; tests start it the same way. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(QuerySideApplication.class)
                .properties("spring.config.name=query-side");
    }
}

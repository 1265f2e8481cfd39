package io.kontor.command;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Kontor's command side: the HTTP command API, the aggregates and the writer of the event log.
 * <p>
 * Its settings live in {@code command-side.yml} rather than {@code application.yml} so that both apps can run in
 * one JVM (the end-to-end tests do) without one reading the other's defaults. Spring Boot's own MongoDB
 * auto-configuration is off: Kontor builds its one {@code MongoClient} itself (embedded server or real MongoDB).
 */
@SpringBootApplication(exclude = MongoAutoConfiguration.class)
public class CommandSideApplication {

    public static void main(String[] args) {
        builder().run(args);
    }

    /** The application as {@code main} starts it; tests start it the same way. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(CommandSideApplication.class)
                .properties("spring.config.name=command-side");
    }
}

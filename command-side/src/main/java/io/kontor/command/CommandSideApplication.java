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

    /**
     * Request threads per core unless {@code server.tomcat.threads.max} says otherwise. A command is CPU work with a
     * few short database round trips, so a few threads per core keep the cores busy, and further requests wait for
     * a thread instead of taking cores from the views when both apps share a machine. On two cores, 8 threads
     * answered as many commands as Tomcat's default of 200, and the views' lag p99 under 32 clients fell from
     * 1.2 s to 0.3 s (BENCHMARKS.md).
     */
    static final int REQUEST_THREADS_PER_CORE = 4;

    /** The application as {@code main} starts it; tests start it the same way. */
    public static SpringApplicationBuilder builder() {
        // Default properties: command-side.yml, the environment and arguments all override them.
        return new SpringApplicationBuilder(CommandSideApplication.class)
                .properties("spring.config.name=command-side", "server.tomcat.threads.max="
                        + REQUEST_THREADS_PER_CORE * Runtime.getRuntime().availableProcessors());
    }
}

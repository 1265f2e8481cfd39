package io.kontor.eventlog.embedded;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The in-process MongoDB-wire server Kontor runs when no real MongoDB is configured (mongo-java-server).
 * <p>
 * With a data directory it uses the H2 file backend ({@value #DATA_FILE} in that directory), so data survives a
 * restart after a clean {@link #close()}; H2 writes changes to disk in the background about once a second, so a hard
 * kill can lose the last second. With {@code "none"} it keeps everything in memory (tests). Other processes connect
 * over TCP with {@link #connectionString()} like to any MongoDB.
 */
public final class EmbeddedMongoServer implements AutoCloseable {

    /** The H2 file inside the data directory. */
    public static final String DATA_FILE = "kontor-mongo.mv";
    /** The data directory value that selects the memory backend. */
    public static final String MEMORY = "none";

    private final MongoServer server;
    private final String connectionString;

    private EmbeddedMongoServer(MongoServer server, InetSocketAddress address) {
        this.server = server;
        this.connectionString = "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    /**
     * Starts a server on {@code host:port} (port 0 picks a free one). {@code dataDir} {@code "none"} selects the
     * memory backend; anything else is a directory for the H2 file backend, created if missing.
     */
    public static EmbeddedMongoServer start(String host, int port, String dataDir) {
        MongoBackend backend;
        if (dataDir == null || MEMORY.equalsIgnoreCase(dataDir.trim())) {
            backend = new MemoryBackend();
        } else {
            try {
                Path directory = Files.createDirectories(Path.of(dataDir));
                backend = new H2Backend(directory.resolve(DATA_FILE).toString());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create the embedded MongoDB data directory " + dataDir, e);
            }
        }
        MongoServer server = new MongoServer(backend);
        try {
            server.bind(host, port);
        } catch (RuntimeException e) {
            backend.close();
            throw e;
        }
        return new EmbeddedMongoServer(server, server.getLocalAddress());
    }

    /** {@code mongodb://host:port} of the running server. */
    public String connectionString() {
        return connectionString;
    }

    /** Stops listening, closes client connections and closes the backend (the H2 file is written and released). */
    @Override
    public void close() {
        server.shutdownNow();
    }
}

package io.kontor.query.e2e;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.awaitility.Awaitility.await;

/**
 * One app (command side or query side) as a JVM of its own, started from the test classpath on a port chosen here,
 * its output in a log file. Every process started is destroyed when the test JVM exits, also when a test fails
 * before it stops them itself.
 */
final class AppProcess {

    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly)));
    }

    final String name;
    final int port;
    final String url;
    private final Class<?> mainClass;
    private final List<String> args;
    private final Path log;
    private Process process;

    private AppProcess(String name, Class<?> mainClass, int port, List<String> args, Path logDir) {
        this.name = name;
        this.mainClass = mainClass;
        this.port = port;
        this.url = "http://localhost:" + port;
        this.args = List.copyOf(args);
        this.log = logDir.resolve(name + ".log");
    }

    /** Starts the app's JVM; {@link #awaitReady()} waits until it answers. */
    static AppProcess start(String name, Class<?> mainClass, List<String> args, Path logDir) {
        AppProcess app = new AppProcess(name, mainClass, freePort(), args, logDir);
        app.launch();
        return app;
    }

    /** Starts the same app again on the same port with the same arguments (after {@link #kill()}). */
    AppProcess restart() {
        launch();
        return this;
    }

    private void launch() {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // Small and quickly started: several of these share two cores with the build.
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
                "-Daxoniq.update-checker.disabled=true",
                "-cp", classpath(), mainClass.getName(),
                "--server.port=" + port,
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN"));
        command.addAll(args);
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RUNNING.add(process);
    }

    /** Waits until the app's readiness probe answers 200; fails at once with its log if the JVM ended. */
    AppProcess awaitReady() {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " ended with " + process.exitValue() + ":\n" + logTail());
            }
            try {
                return Http.anonymous().get(url + "/actuator/health/readiness").status() == 200;
            } catch (UncheckedIOException notYetListening) {
                return false;
            }
        });
        return this;
    }

    /** kill -9: no shutdown hook, no flush, no release of claims. */
    void kill() {
        process.destroyForcibly();
        waitForEnd();
    }

    /** A normal stop (SIGTERM): Spring closes the app. */
    void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            waitForEnd();
        }
    }

    private void waitForEnd() {
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        RUNNING.remove(process);
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /**
     * The test classpath. Surefire starts the test JVM from a manifest-only jar by default, so
     * {@code java.class.path} is then that one jar; surefire also hands over the real path as
     * {@code surefire.test.class.path}.
     */
    static String classpath() {
        String surefire = System.getProperty("surefire.test.class.path");
        if (surefire != null && !surefire.isBlank()) {
            return surefire;
        }
        return System.getProperty("java.class.path");
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void stopAll(List<AppProcess> apps) {
        apps.forEach(app -> {
            try {
                app.stop();
            } catch (RuntimeException e) {
                app.process.destroyForcibly();
            }
        });
    }

    @Override
    public String toString() {
        return name + "@" + port + " (" + String.join(File.pathSeparator, mainClass.getSimpleName()) + ")";
    }
}

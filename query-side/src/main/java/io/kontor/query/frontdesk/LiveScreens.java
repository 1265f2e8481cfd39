package io.kontor.query.frontdesk;

import io.kontor.query.common.ViewPositions;
import io.kontor.query.common.Views;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Server-sent events for the front desk's live screens, one mechanism for all of them. A screen's stream opens with
 * a {@code snapshot} message (the current list and the view position it reflects), then carries one {@code change}
 * message per change, each with the log position of its event (also the SSE {@code id}).
 *
 * <p>Projections report changes with {@link #changed} while handling an event; they are sent only after the
 * processor's unit of work has committed, so the view writes are in MongoDB and a client that re-reads sees them.
 * Everything is sent from one thread, in order: a subscriber gets its snapshot before any change, and changes
 * committed before its snapshot was read are in the snapshot, not sent again. A change reported after the
 * snapshot's position was taken may also be in the snapshot: changes are keyed by item id, so applying it again is
 * harmless. A client that missed messages reconnects and starts from a fresh snapshot.
 */
@Component
public class LiveScreens implements SmartLifecycle {

    /** A reported change of one screen's list: what happened ({@code kind}) to which item. */
    public record Change(long position, String kind, Object item) {
    }

    /** The first message of every stream. */
    public record Snapshot(long position, Object items) {
    }

    private static final Logger log = LoggerFactory.getLogger(LiveScreens.class);
    private static final String PENDING = LiveScreens.class.getName() + ".pending";
    /** A screen reconnects after this (EventSource does so by itself), so no stream is held forever. */
    static final Duration STREAM_TIMEOUT = Duration.ofMinutes(30);

    private record Reported(String screen, Change change) {
    }

    private final class Subscriber {
        final String screen;
        final SseEmitter emitter;
        final Predicate<Change> wanted;
        /** Set by the sender thread once the snapshot is sent; read only there. */
        boolean ready;

        Subscriber(String screen, SseEmitter emitter, Predicate<Change> wanted) {
            this.screen = screen;
            this.emitter = emitter;
            this.wanted = wanted;
        }

        void send(String name, long position, Object data) {
            try {
                emitter.send(SseEmitter.event().name(name).id(Long.toString(position))
                        .data(data, MediaType.APPLICATION_JSON));
            } catch (IOException | IllegalStateException e) {
                // The client went away; the emitter's completion callback removes it.
                subscribers.remove(this);
                emitter.completeWithError(e);
            }
        }
    }

    private final ViewPositions positions;
    private volatile boolean running;
    private final Set<Subscriber> subscribers = new CopyOnWriteArraySet<>();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "live-screens");
        thread.setDaemon(true);
        return thread;
    });

    public LiveScreens(ViewPositions positions) {
        this.positions = positions;
    }

    /**
     * Opens a stream of {@code screen}: first {@code current} (read at the position of {@code processingGroup}'s
     * view), then the screen's changes that {@code wanted} accepts.
     */
    public SseEmitter subscribe(String screen, String processingGroup, Supplier<Object> current,
                                Predicate<Change> wanted) {
        SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT.toMillis());
        Subscriber subscriber = new Subscriber(screen, emitter, wanted);
        emitter.onCompletion(() -> subscribers.remove(subscriber));
        emitter.onTimeout(() -> subscribers.remove(subscriber));
        emitter.onError(e -> subscribers.remove(subscriber));
        subscribers.add(subscriber);
        sender.execute(() -> {
            try {
                long position = positions.position(processingGroup);
                subscriber.send("snapshot", position, new Snapshot(position, current.get()));
                subscriber.ready = true;
            } catch (RuntimeException e) {
                log.warn("Could not send the {} snapshot", screen, e);
                subscribers.remove(subscriber);
                emitter.completeWithError(e);
            }
        });
        return emitter;
    }

    /**
     * Reports a change of {@code screen} made by the event at {@code position}; sent once the current unit of work
     * has committed, and never if it rolls back (the redelivered event reports it again). A rebuild replaying history
     * into a generation nobody reads yet reports nothing: those changes were shown when they happened.
     */
    public void changed(String screen, long position, String kind, Object item) {
        if (Views.rebuilding()) {
            return;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        List<Reported> pending = root.getOrComputeResource(PENDING, key -> {
            List<Reported> reported = new ArrayList<>();
            root.afterCommit(u -> publish(reported));
            return reported;
        });
        pending.add(new Reported(screen, new Change(position, kind, item)));
    }

    private void publish(List<Reported> reported) {
        if (subscribers.isEmpty()) {
            return;
        }
        List<Reported> changes = List.copyOf(reported);
        sender.execute(() -> {
            for (Reported r : changes) {
                for (Subscriber subscriber : subscribers) {
                    if (subscriber.ready && subscriber.screen.equals(r.screen()) && subscriber.wanted.test(r.change())) {
                        subscriber.send("change", r.change().position(), r.change());
                    }
                }
            }
        });
    }

    @Override
    public void start() {
        running = true;
    }

    /**
     * Ends every open stream before the web server stops (this phase stops first); the screens reconnect to another
     * instance or after the restart. Known limit: with streams open, Spring Boot's graceful shutdown still waits
     * out {@code spring.lifecycle.timeout-per-shutdown-phase} (30 s) before the server stops; the cause is not
     * found yet. {@code server.shutdown=immediate} avoids the wait.
     */
    @Override
    public void stop() {
        running = false;
        subscribers.forEach(subscriber -> subscriber.emitter.complete());
        subscribers.clear();
        sender.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}

package io.kontor.query.common;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class PrefetchingMessageSourceTest {

    /** A stream that hands out what the test publishes, blocking in between, like the event store's. */
    private static final class Published implements BlockingStream<TrackedEventMessage<?>> {
        final LinkedBlockingQueue<Object> items = new LinkedBlockingQueue<>();
        final AtomicBoolean closed = new AtomicBoolean();

        void publish(long position) {
            items.add(new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(position),
                    GenericEventMessage.asEventMessage("event " + position)));
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            throw new UnsupportedOperationException("the read-ahead only blocks in nextAvailable");
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) {
            throw new UnsupportedOperationException("the read-ahead only blocks in nextAvailable");
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            Object item = items.take();
            if (item instanceof RuntimeException failure) {
                throw failure;
            }
            return (TrackedEventMessage<?>) item;
        }

        @Override
        public void close() {
            closed.set(true);
        }
    }

    private static PrefetchingMessageSource over(Published published) {
        return new PrefetchingMessageSource(new StreamableMessageSource<>() {
            @Override
            public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
                return published;
            }

            @Override
            public TrackingToken createTailToken() {
                return null;
            }

            @Override
            public TrackingToken createHeadToken() {
                return new GlobalSequenceTrackingToken(41);
            }

            @Override
            public TrackingToken createTokenAt(java.time.Instant dateTime) {
                return null;
            }
        });
    }

    private static long position(TrackedEventMessage<?> message) {
        return message.trackingToken().position().orElseThrow();
    }

    @Test
    void theProcessorIsCalledBackWhenAnEventArrivesAndFindsItAvailable() throws InterruptedException {
        Published published = new Published();
        BlockingStream<TrackedEventMessage<?>> stream = over(published).openStream(null);
        AtomicInteger calls = new AtomicInteger();
        assertThat(stream.setOnAvailableCallback(calls::incrementAndGet)).isTrue();
        assertThat(stream.hasNextAvailable(0, TimeUnit.MILLISECONDS)).isFalse();

        published.publish(1);

        await().atMost(10, TimeUnit.SECONDS).until(() -> calls.get() >= 1);
        assertThat(stream.hasNextAvailable(0, TimeUnit.MILLISECONDS)).isTrue();
        assertThat(stream.peek()).map(PrefetchingMessageSourceTest::position).contains(1L);
        assertThat(position(stream.nextAvailable())).isEqualTo(1L);
        assertThat(stream.hasNextAvailable(0, TimeUnit.MILLISECONDS)).isFalse();
        stream.close();
    }

    @Test
    void eventsComeOutInTheUnderlyingOrderThoughMoreArriveThanTheQueueHolds() throws InterruptedException {
        Published published = new Published();
        BlockingStream<TrackedEventMessage<?>> stream = over(published).openStream(null);
        int count = PrefetchingMessageSource.CAPACITY * 2 + 7;
        for (long position = 1; position <= count; position++) {
            published.publish(position);
        }

        List<Long> read = new ArrayList<>();
        while (read.size() < count) {
            read.add(position(stream.nextAvailable()));
        }

        assertThat(read).isSortedAccordingTo(Long::compare).hasSize(count).startsWith(1L).endsWith((long) count);
        stream.close();
    }

    @Test
    void aFailureOfTheUnderlyingStreamReachesTheProcessorAfterTheEventsBeforeIt() throws InterruptedException {
        Published published = new Published();
        BlockingStream<TrackedEventMessage<?>> stream = over(published).openStream(null);
        AtomicInteger calls = new AtomicInteger();
        stream.setOnAvailableCallback(calls::incrementAndGet);
        published.publish(1);
        published.items.add(new IllegalStateException("storage gone"));

        await().atMost(10, TimeUnit.SECONDS).until(() -> calls.get() >= 2);
        assertThat(position(stream.nextAvailable())).isEqualTo(1L);
        assertThatThrownBy(() -> stream.hasNextAvailable(0, TimeUnit.MILLISECONDS))
                .isInstanceOf(IllegalStateException.class).hasMessage("storage gone");
        stream.close();
    }

    @Test
    void closingClosesTheUnderlyingStreamAndTokensAreTheUnderlyingSources() {
        Published published = new Published();
        PrefetchingMessageSource source = over(published);
        BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null);

        stream.close();

        assertThat(published.closed).isTrue();
        assertThat(source.createHeadToken()).isEqualTo(new GlobalSequenceTrackingToken(41));
    }
}

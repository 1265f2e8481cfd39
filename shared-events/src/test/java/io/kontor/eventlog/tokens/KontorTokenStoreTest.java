package io.kontor.eventlog.tokens;

import com.mongodb.client.MongoDatabase;
import io.kontor.eventlog.testing.TestMongo;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventhandling.tokenstore.UnableToInitializeTokenException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Claims, segments and tokens as two nodes sharing one token store see them. */
class KontorTokenStoreTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-27T01:00:00Z"));
    private MongoDatabase database;
    private KontorTokenStore nodeA;
    private KontorTokenStore nodeB;

    @BeforeEach
    void setUp() {
        database = TestMongo.freshDatabase();
        nodeA = store("node-a");
        nodeB = store("node-b");
    }

    private KontorTokenStore store(String nodeId) {
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        return KontorTokenStore.builder().database(database).nodeId(nodeId)
                               .claimTimeout(Duration.ofSeconds(10)).clock(clock).build();
    }

    @Test
    void segmentsAreInitializedOnceWithTheInitialToken() {
        nodeA.initializeTokenSegments("ledger", 2, new GlobalSequenceTrackingToken(7));

        assertThat(nodeB.fetchSegments("ledger")).containsExactly(0, 1);
        assertThat(nodeB.fetchToken("ledger", 1)).isEqualTo(new GlobalSequenceTrackingToken(7));
        assertThatThrownBy(() -> nodeB.initializeTokenSegments("ledger", 2))
                .isInstanceOf(UnableToClaimTokenException.class);
        assertThat(nodeA.fetchSegments("other")).isEmpty();
    }

    @Test
    void aClaimedSegmentIsRefusedToOthersUntilReleasedOrExpired() {
        nodeA.initializeTokenSegments("ledger", 1);
        nodeA.storeToken(new GlobalSequenceTrackingToken(3), "ledger", 0);

        assertThatThrownBy(() -> nodeB.fetchToken("ledger", 0)).isInstanceOf(UnableToClaimTokenException.class);
        assertThatThrownBy(() -> nodeB.storeToken(new GlobalSequenceTrackingToken(9), "ledger", 0))
                .isInstanceOf(UnableToClaimTokenException.class);
        assertThat(nodeB.fetchAvailableSegments("ledger")).isEmpty();

        now.set(now.get().plusSeconds(9));
        nodeA.extendClaim("ledger", 0);
        now.set(now.get().plusSeconds(9));
        assertThatThrownBy(() -> nodeB.fetchToken("ledger", 0)).isInstanceOf(UnableToClaimTokenException.class);

        now.set(now.get().plusSeconds(11));
        assertThat(nodeB.fetchToken("ledger", 0)).as("an expired claim is taken over")
                                                 .isEqualTo(new GlobalSequenceTrackingToken(3));
        assertThatThrownBy(() -> nodeA.extendClaim("ledger", 0)).isInstanceOf(UnableToClaimTokenException.class);

        nodeB.releaseClaim("ledger", 0);
        assertThat(nodeA.fetchToken("ledger", 0)).isEqualTo(new GlobalSequenceTrackingToken(3));
    }

    @Test
    void tokensOfEveryShapeRoundTrip() {
        nodeA.initializeTokenSegments("ledger", 1);
        TrackingToken replay = ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(10),
                                                             new GlobalSequenceTrackingToken(4));
        nodeA.storeToken(replay, "ledger", 0);
        assertThat(nodeA.fetchToken("ledger", Segment.ROOT_SEGMENT)).isEqualTo(replay);
        nodeA.storeToken(null, "ledger", 0);
        assertThat(nodeA.fetchToken("ledger", 0)).isNull();
    }

    @Test
    void uninitializedSegmentsCannotBeClaimed() {
        assertThat(nodeA.requiresExplicitSegmentInitialization()).isTrue();
        assertThatThrownBy(() -> nodeA.fetchToken("ledger", 0)).isInstanceOf(UnableToClaimTokenException.class);
    }

    @Test
    void segmentsCanBeSplitAndMergedExplicitly() {
        nodeA.initializeTokenSegments("ledger", 1);
        nodeA.initializeSegment(new GlobalSequenceTrackingToken(5), "ledger", 1);
        assertThatThrownBy(() -> nodeB.initializeSegment(null, "ledger", 1))
                .isInstanceOf(UnableToInitializeTokenException.class);
        assertThat(nodeB.fetchAvailableSegments("ledger")).extracting(Segment::getSegmentId).containsExactly(0, 1);

        nodeA.fetchToken("ledger", 1);
        assertThatThrownBy(() -> nodeB.deleteToken("ledger", 1)).isInstanceOf(UnableToClaimTokenException.class);
        nodeA.deleteToken("ledger", 1);
        assertThat(nodeB.fetchSegments("ledger")).containsExactly(0);
    }

    @Test
    void theStorageIdentifierIsSharedByAllNodes() {
        String identifier = nodeA.retrieveStorageIdentifier().orElseThrow();
        assertThat(nodeB.retrieveStorageIdentifier()).contains(identifier);
        assertThat(store("node-c").retrieveStorageIdentifier()).contains(identifier);
    }
}

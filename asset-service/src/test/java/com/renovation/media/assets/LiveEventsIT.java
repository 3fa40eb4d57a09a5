package com.renovation.media.assets;

import com.renovation.media.assets.SseTestClient.SseEvent;
import com.renovation.media.assets.config.LiveConfig;
import com.renovation.media.assets.repository.LiveEventRepository;
import com.renovation.media.assets.service.live.LiveEventRetention;
import com.renovation.media.assets.service.live.LiveSink;
import com.renovation.media.assets.service.live.LiveStreams;
import com.renovation.media.contracts.events.payload.SourceKind;
import com.renovation.media.contracts.events.payload.VariantReady;
import com.renovation.media.jobs.LockedBatches;
import com.renovation.media.messaging.config.MessagingConfig;
import com.renovation.media.messaging.notify.PgChannels;
import com.renovation.media.messaging.testing.KafkaTestClient;
import com.renovation.media.web.testing.TestTokens;
import static com.renovation.media.assets.TestSupport.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.core.Vertx;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code GET /events}: the caller's own changes, in order, resumable, isolated, across replicas. */
@QuarkusTest
class LiveEventsIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TestHTTPResource("/")
    URI base;

    @Inject
    LiveConfig config;

    @Inject
    LiveEventRepository events;

    @Inject
    PgChannels channels;

    @Inject
    Vertx vertx;

    @Inject
    MessagingConfig messaging;

    @Inject
    LockedBatches batches;

    @Inject
    LiveEventRetention retention;

    private SseTestClient open(String user) {
        return open(TestSupport.token(user), null);
    }

    private SseTestClient open(String token, String lastEventId) {
        SseTestClient stream = SseTestClient.open(base, token, lastEventId);
        assertThat(stream.status()).isEqualTo(200);
        return stream;
    }

    private static VariantReady ready(String assetId, String key, String type, String format) {
        return new VariantReady(SourceKind.ROOM_ASSET, UUID.fromString(assetId), type, format, 40, 30, 1234,
                "user-uploads", key.replace("photos/", "photos/variants/") + "_" + type + "." + format,
                "image/" + format, 4);
    }

    private static String uploadPhoto(String user, String roomId) {
        return TestSupport.upload(user, roomId, "photo", "a.jpg", "image/jpeg", TestSupport.jpeg(40, 30));
    }

    private static long id(SseEvent event) {
        return Long.parseLong(event.id());
    }

    @Test
    void anAssetsLifeArrivesInOrderWithConsecutiveIdsAndItsVariants() throws Exception {
        String user = TestSupport.newUser();
        String roomId = TestSupport.sessionWithRoom(user).get(1);
        try (SseTestClient stream = open(user)) {
            assertThat(stream.header("Content-Type")).startsWith("text/event-stream");
            assertThat(stream.header("Cache-Control")).isEqualTo("no-store");
            SseEvent opened = stream.next(WAIT);
            assertThat(opened.event()).isEqualTo("stream.ready");
            assertThat(JsonPath.from(opened.data()).getBoolean("resumed")).isFalse();

            String assetId = uploadPhoto(user, roomId);
            String key = as(user).get("/assets/" + assetId).path("storagePath");
            for (String[] variant : new String[][] {{"thumbnail", "jpeg"}, {"thumbnail", "webp"},
                    {"optimized", "jpeg"}, {"optimized", "webp"}, {"thumbnail", "avif"}}) {
                KafkaTestClient.publish("variant-worker", ready(assetId, key, variant[0], variant[1]));
            }

            List<SseEvent> seen = new ArrayList<>();
            for (String expected : List.of("asset.confirmed", "asset.processing", "asset.ready", "asset.variant")) {
                SseEvent event = stream.next(WAIT);
                assertThat(event.event()).isEqualTo(expected);
                assertThat(JsonPath.from(event.data()).getString("assetId")).isEqualTo(assetId);
                seen.add(event);
            }
            for (int i = 0; i < seen.size(); i++) {
                assertThat(id(seen.get(i))).isEqualTo(id(opened) + 1 + i);
            }
            JsonPath confirmed = JsonPath.from(seen.get(0).data());
            assertThat(confirmed.getString("status")).isEqualTo("uploaded");
            assertThat(confirmed.getString("roomId")).isEqualTo(roomId);
            JsonPath readyData = JsonPath.from(seen.get(2).data());
            assertThat(readyData.getString("status")).isEqualTo("ready");
            assertThat(readyData.getList("variants")).hasSize(4);
            assertThat(readyData.getString("variants[0].status")).isEqualTo("ready");
            assertThat(JsonPath.from(seen.get(3).data()).getList("variants")).hasSize(5);
            // nothing signed travels in an event: a replayed event must not carry a URL that has expired
            seen.forEach(event -> assertThat(event.data()).doesNotContain("X-Amz").doesNotContain("http"));
        }
    }

    @Test
    void aStreamResumesAfterItsLastEventIdWithoutLossAndAnUnknownIdResets() throws Exception {
        String user = TestSupport.newUser();
        List<String> ids = TestSupport.sessionWithRoom(user);
        String roomId = ids.get(1);
        String lastId;
        String assetId;
        try (SseTestClient stream = open(user)) {
            stream.next(WAIT);
            assetId = uploadPhoto(user, roomId);
            SseEvent confirmed = stream.next(WAIT);
            assertThat(confirmed.event()).isEqualTo("asset.confirmed");
            lastId = confirmed.id();
        }
        // while no stream is open: the asset, then the room, go
        as(user).delete("/assets/" + assetId).then().statusCode(204);
        as(user).delete("/rooms/" + roomId).then().statusCode(204);

        try (SseTestClient resumed = open(TestSupport.token(user), lastId)) {
            SseEvent opened = resumed.next(WAIT);
            assertThat(opened.event()).isEqualTo("stream.ready");
            assertThat(JsonPath.from(opened.data()).getBoolean("resumed")).isTrue();
            SseEvent deleted = resumed.next(WAIT);
            assertThat(deleted.event()).isEqualTo("asset.deleted");
            assertThat(id(deleted)).isEqualTo(Long.parseLong(lastId) + 1);
            assertThat(JsonPath.from(deleted.data()).getString("assetId")).isEqualTo(assetId);
            SseEvent roomGone = resumed.next(WAIT);
            assertThat(roomGone.event()).isEqualTo("room.deleted");
            assertThat(JsonPath.from(roomGone.data()).getString("roomId")).isEqualTo(roomId);

            // an id this user was never sent (another database, a forged header): reload, from the newest
            try (SseTestClient unknown = open(TestSupport.token(user), "999999")) {
                SseEvent reset = unknown.next(WAIT);
                assertThat(reset.event()).isEqualTo("stream.reset");
                assertThat(reset.id()).isEqualTo(roomGone.id());
            }
        }
    }

    @Test
    void eventsPastTheirRetentionAreForgottenAndResumingFromBeforeThemResets() throws Throwable {
        String user = TestSupport.newUser();
        String roomId = TestSupport.sessionWithRoom(user).get(1);
        String firstId;
        try (SseTestClient stream = open(user)) {
            firstId = stream.next(WAIT).id();
            uploadPhoto(user, roomId);
            uploadPhoto(user, roomId);
            stream.next(WAIT);
            stream.next(WAIT);
        }
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession().chain(s ->
                s.createNativeQuery("UPDATE live_events SET created_at = now() - interval '2 hours'"
                        + " WHERE owner_id = :owner AND seq = :seq").setParameter("owner", user)
                        .setParameter("seq", Long.parseLong(firstId) + 1).executeUpdate())));
        VertxContextSupport.subscribeAndAwait(() -> batches.run(retention, Instant.now()));

        try (SseTestClient resumed = open(TestSupport.token(user), firstId)) {
            SseEvent reset = resumed.next(WAIT);
            assertThat(reset.event()).isEqualTo("stream.reset");
            assertThat(id(reset)).isEqualTo(Long.parseLong(firstId) + 2);
        }
    }

    @Test
    void aUserSeesOnlyTheirOwnSessionsChangesAndAnAdminOnlyTheirOwnStream() throws Exception {
        String alice = TestSupport.newUser();
        String bob = TestSupport.newUser();
        String admin = TestSupport.newUser();
        String aliceRoom = TestSupport.sessionWithRoom(alice).get(1);
        String bobRoom = TestSupport.sessionWithRoom(bob).get(1);
        try (SseTestClient aliceStream = open(alice); SseTestClient bobStream = open(bob);
                SseTestClient adminStream = open(TestSupport.adminToken(admin), null)) {
            aliceStream.next(WAIT);
            bobStream.next(WAIT);
            adminStream.next(WAIT);

            String aliceAsset = uploadPhoto(alice, aliceRoom);
            // the admin may read Alice's asset, but Alice's changes are told to Alice only
            given().auth().oauth2(TestSupport.adminToken(admin)).get("/assets/" + aliceAsset).then().statusCode(200);
            as(alice).delete("/assets/" + aliceAsset).then().statusCode(204);
            String bobAsset = uploadPhoto(bob, bobRoom);

            assertThat(aliceStream.next(WAIT).event()).isEqualTo("asset.confirmed");
            assertThat(aliceStream.next(WAIT).event()).isEqualTo("asset.deleted");
            SseEvent bobs = bobStream.next(WAIT);
            assertThat(JsonPath.from(bobs.data()).getString("assetId")).isEqualTo(bobAsset);
            // Bob's own event came through, so Alice's would have by now: none did, nor anything to the admin
            assertThat(bobStream.poll(Duration.ofSeconds(2))).matches(e -> e == null || e.isComment());
            List<SseEvent> adminSaw = new ArrayList<>();
            for (SseEvent e = adminStream.poll(Duration.ofSeconds(2)); e != null; e = adminStream.poll(Duration.ofMillis(200))) {
                adminSaw.add(e);
            }
            assertThat(adminSaw).allMatch(SseEvent::isComment);
            assertThat(bobStream.poll(Duration.ZERO)).matches(e -> e == null || e.isComment());
        }
    }

    @Test
    void aSecondReplicaStreamsWhatTheFirstWroteAndEitherResumesTheOthersIds() throws Throwable {
        LiveStreams otherReplica = new LiveStreams(config, events, channels, vertx, messaging);
        otherReplica.start();
        try {
            String user = TestSupport.newUser();
            String roomId = TestSupport.sessionWithRoom(user).get(1);
            QueueSink sink = new QueueSink();
            VertxContextSupport.subscribeAndAwait(() -> otherReplica.open(user, OptionalLong.empty(),
                    Instant.now().plusSeconds(3600), sink));
            String[] opened = sink.next();
            assertThat(opened[1]).isEqualTo("stream.ready");

            String assetId = uploadPhoto(user, roomId); // through this replica's API
            String[] confirmed = sink.next();
            assertThat(confirmed[1]).isEqualTo("asset.confirmed");
            assertThat(confirmed[2]).contains(assetId);

            // a browser that saw the event on the other replica resumes here, losing nothing
            as(user).delete("/assets/" + assetId).then().statusCode(204);
            try (SseTestClient here = open(TestSupport.token(user), confirmed[0])) {
                assertThat(here.next(WAIT).event()).isEqualTo("stream.ready");
                SseEvent deleted = here.next(WAIT);
                assertThat(deleted.event()).isEqualTo("asset.deleted");
                assertThat(sink.next()).containsExactly(deleted.id(), deleted.event(), deleted.data());
            }
        } finally {
            otherReplica.stop();
        }
    }

    @Test
    void heartbeatsKeepTheStreamAliveAndItEndsWhenTheTokenExpires() throws Exception {
        String user = TestSupport.newUser();
        String shortLived = TestTokens.claims(user, "user").expiresIn(Duration.ofSeconds(4)).sign();
        try (SseTestClient stream = open(shortLived, null)) {
            stream.next(WAIT);
            SseEvent beat = stream.poll(Duration.ofSeconds(5));
            assertThat(beat).isNotNull();
            assertThat(beat.isComment()).isTrue();
            // the token expires 4 s after it was signed; the next heartbeat after that ends the stream
            SseEvent last = null;
            for (SseEvent e = stream.poll(WAIT); e != null; e = stream.poll(WAIT)) {
                last = e;
                if (e == SseTestClient.END) {
                    break;
                }
            }
            assertThat(last).isSameAs(SseTestClient.END);
        }
    }

    @Test
    void aStreamNeedsATokenAValidLastEventIdAndAtMostTheLimitOfStreamsPerUser() throws Exception {
        try (SseTestClient anonymous = SseTestClient.open(base, null, null)) {
            assertThat(anonymous.status()).isEqualTo(401);
        }
        String user = TestSupport.newUser();
        try (SseTestClient malformed = SseTestClient.open(base, TestSupport.token(user), "12abc")) {
            assertThat(malformed.status()).isEqualTo(400);
            assertThat(malformed.header("Content-Type")).startsWith("application/problem+json");
            assertThat(malformed.body()).contains("Last-Event-ID");
        }
        List<SseTestClient> open = new ArrayList<>();
        try {
            for (int i = 0; i < config.maxStreamsPerUser(); i++) {
                open.add(open(user));
                open.get(i).next(WAIT);
            }
            try (SseTestClient oneTooMany = SseTestClient.open(base, TestSupport.token(user), null)) {
                assertThat(oneTooMany.status()).isEqualTo(429);
                assertThat(oneTooMany.body()).contains("too-many-requests");
            }
            // a tab closed frees its place
            open.remove(0).close();
            await().atMost(WAIT).untilAsserted(() -> {
                try (SseTestClient again = SseTestClient.open(base, TestSupport.token(user), null)) {
                    assertThat(again.status()).isEqualTo(200);
                }
            });
        } finally {
            open.forEach(SseTestClient::close);
        }
    }

    /** The other replica's stream, as its SSE connection would write it: {id, event, data}. */
    private static final class QueueSink implements LiveSink {
        private final BlockingQueue<String[]> sent = new LinkedBlockingQueue<>();
        private volatile boolean closed;

        String[] next() throws InterruptedException {
            String[] event = sent.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(event).as("an event on the other replica").isNotNull();
            return event;
        }

        @Override
        public CompletionStage<?> send(long id, String event, String data) {
            sent.add(new String[] {Long.toString(id), event, data});
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<?> heartbeat() {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public boolean isClosed() {
            return closed;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}

package com.renovation.media.assets;

import static com.renovation.media.assets.TestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.renovation.media.assets.config.SessionExpiryConfig;
import com.renovation.media.assets.service.sessions.SessionExpiry;
import com.renovation.media.contracts.events.Topics;
import com.renovation.media.messaging.testing.KafkaTestClient;
import com.renovation.media.storage.layout.StoragePaths;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * An inactive project session gets {@code session.expiring} once per period of inactivity, and is erased only
 * once it stayed inactive for the whole period and the warning is old enough: erased exactly as its owner's
 * DELETE erases one (rows, objects, audit trail, {@code session.deleted}). Runs as at a later time.
 */
@QuarkusTest
class SessionExpiryIT {

    private static final Duration DAY = Duration.ofDays(1);

    @Inject
    SessionExpiry expiry;

    @Inject
    SessionExpiryConfig config;

    @Inject
    S3Client s3;

    @Inject
    Pool pool;

    private void runAt(Instant now) {
        try {
            VertxContextSupport.subscribeAndAwait(() -> expiry.run(now));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private long count(String sql, Object parameter) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> pool.preparedQuery(sql).execute(Tuple.of(parameter)))
                    .iterator().next().getLong(0);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<JsonNode> warnings(String session) {
        return KafkaTestClient.eventData(Topics.SESSION_EXPIRING, session);
    }

    /** A session with a room, a confirmed photo (an object in S3) and a document request. */
    private static List<String> filledSession(String user) {
        List<String> ids = TestSupport.sessionWithRoom(user);
        TestSupport.upload(user, ids.get(1), "photo", "p.jpg", "image/jpeg", TestSupport.jpeg(32, 32));
        as(user).body(Map.of("documentType", "plan_pdf", "title", "Plan", "content",
                Map.of("sections", List.of(Map.of("heading", "Works"))))).post("/sessions/" + ids.get(0) + "/documents")
                .then().statusCode(202);
        return ids;
    }

    /** What is left of an erased session: nothing in any table, bucket or audit trail; session.deleted sent. */
    private void assertErased(String owner, String session) {
        UUID id = UUID.fromString(session);
        as(owner).get("/sessions/" + session).then().statusCode(404);
        for (String table : List.of("sessions WHERE id", "rooms WHERE session_id", "room_assets WHERE session_id",
                "document_artifacts WHERE session_id")) {
            assertThat(count("SELECT count(*) FROM " + table + " = $1", id)).as(table).isZero();
        }
        // the audit trail keeps that something happened, none of the data, and the erasure itself
        assertThat(count("SELECT count(*) FROM audit_log WHERE session_id = $1"
                + " AND (old_values IS NOT NULL OR new_values IS NOT NULL)", id)).isZero();
        assertThat(count("SELECT count(*) FROM audit_log WHERE session_id = $1 AND action = 'erased'", id))
                .isEqualTo(1);
        assertThat(s3.listObjectsV2(b -> b.bucket("user-uploads").prefix("session_" + session + "/")).contents())
                .isEmpty();
        // swept again once every upload URL that could still write there has expired
        assertThat(count("SELECT count(*) FROM storage_sweeps WHERE prefix = $1", StoragePaths.sessionPrefix(id)))
                .isEqualTo(1);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> !KafkaTestClient.records(Topics.SESSION_DELETED, session).isEmpty());
    }

    @Test
    void anInactiveSessionIsWarnedOnceThenErasedAsItsDeleteWould() {
        String owner = TestSupport.newUser();
        String session = filledSession(owner).get(0);
        Instant start = Instant.now();
        Instant warnAt = start.plus(config.inactivity()).minus(config.expiryWarning()).plus(DAY);

        runAt(start.plus(config.inactivity()).minus(config.expiryWarning()).minus(DAY)); // not yet
        runAt(warnAt);
        runAt(warnAt.plus(Duration.ofHours(1))); // the same period of inactivity: no second warning
        await().atMost(Duration.ofSeconds(60)).until(() -> !warnings(session).isEmpty());
        List<JsonNode> sent = warnings(session);
        assertThat(sent).hasSize(1);
        JsonNode warning = sent.get(0);
        assertThat(warning.get("ownerId").asText()).isEqualTo(owner);
        Instant lastActivity = Instant.parse(warning.get("lastActivityAt").asText());
        assertThat(lastActivity).isBetween(start.minusSeconds(120), start);
        // the later of the end of the inactivity and the warning's full notice
        assertThat(Instant.parse(warning.get("erasesAt").asText())).isEqualTo(warnAt.plus(config.expiryWarning()));
        as(owner).get("/sessions/" + session).then().statusCode(200);

        // past the inactivity but the warning is too recent: still there
        runAt(warnAt.plus(config.expiryWarning()).minus(DAY));
        as(owner).get("/sessions/" + session).then().statusCode(200);

        runAt(warnAt.plus(config.expiryWarning()));
        assertErased(owner, session);
        assertThat(warnings(session)).hasSize(1);

        // the owner's DELETE leaves exactly the same
        String deleted = filledSession(owner).get(0);
        as(owner).delete("/sessions/" + deleted).then().statusCode(204);
        assertErased(owner, deleted);
    }

    @Test
    void activityAfterTheWarningStartsANewPeriodWithItsOwnWarning() {
        String owner = TestSupport.newUser();
        String session = TestSupport.sessionWithRoom(owner).get(0);
        Instant late = Instant.now().plus(config.inactivity()).plus(DAY);
        runAt(late);
        await().atMost(Duration.ofSeconds(60)).until(() -> warnings(session).size() == 1);
        // warned just now at "late": the erasure waits for the warning's full notice
        as(owner).get("/sessions/" + session).then().statusCode(200);

        as(owner).body(Map.of("title", "Still working on it")).patch("/sessions/" + session).then().statusCode(200);
        runAt(late.plus(config.expiryWarning()).plus(DAY)); // a new period: warned again, not erased
        runAt(late.plus(config.expiryWarning()).plus(DAY));
        await().atMost(Duration.ofSeconds(60)).until(() -> warnings(session).size() == 2);
        as(owner).get("/sessions/" + session).then().statusCode(200);
        List<JsonNode> sent = warnings(session);
        assertThat(Instant.parse(sent.get(1).get("lastActivityAt").asText()))
                .isAfter(Instant.parse(sent.get(0).get("lastActivityAt").asText()));
        assertThat(Instant.parse(sent.get(1).get("erasesAt").asText()))
                .isEqualTo(late.plus(config.expiryWarning()).plus(DAY).plus(config.expiryWarning()));
    }

    @Test
    void aSessionSaysWhenItLastChangedAndWhenItIsErasedIfNothingChanges() {
        String owner = TestSupport.newUser();
        String session = TestSupport.sessionWithRoom(owner).get(0);
        var first = as(owner).get("/sessions/" + session).then().statusCode(200).extract();
        Instant activity = Instant.parse(first.path("lastActivityAt"));
        assertThat(Instant.parse(first.path("erasesAt"))).isEqualTo(activity.plus(config.inactivity()));
        // a room added is a change of the session: the erasure moves with it
        as(owner).body(Map.of("name", "Hall", "roomType", "hallway")).post("/sessions/" + session + "/rooms")
                .then().statusCode(201);
        Instant later = Instant.parse(as(owner).get("/sessions/" + session).then().extract().path("lastActivityAt"));
        assertThat(later).isAfter(activity);
        // lists leave them out: reading every session's activity is the single view's
        as(owner).get("/sessions").then().statusCode(200).body("items[0].lastActivityAt", org.hamcrest.Matchers.nullValue());
    }
}

package com.renovation.media.orders;

import static com.renovation.media.orders.TestSupport.as;
import static com.renovation.media.orders.TestSupport.item;
import static com.renovation.media.orders.TestSupport.newEventId;
import static com.renovation.media.orders.TestSupport.order;
import static com.renovation.media.orders.TestSupport.paymentEvent;
import static com.renovation.media.orders.TestSupport.postSigned;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.renovation.media.contracts.events.PlatformService;
import com.renovation.media.contracts.events.Topic;
import com.renovation.media.contracts.events.Topics;
import com.renovation.media.contracts.events.payload.AssetConfirmed;
import com.renovation.media.contracts.events.payload.AssetDeleted;
import com.renovation.media.contracts.events.payload.SessionDeleted;
import com.renovation.media.messaging.testing.KafkaTestClient;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** asset.confirmed, asset.deleted and session.deleted, published as asset-service does, keep orders in step. */
@QuarkusTest
class ProjectionIT {

    private static final String ASSET_SERVICE = PlatformService.ASSET_SERVICE.serviceName();

    @Inject
    AgroalDataSource db;

    private String assetRow(UUID asset) {
        List<List<String>> rows = OrdersDatabase.query(db, "SELECT owner_id, session_id, storage_path,"
                + " to_char(expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
                + " FROM orders.order_assets WHERE asset_id = ?", asset);
        return rows.isEmpty() ? null : rows.getFirst().toString();
    }

    private String status(String orderId) {
        return OrdersDatabase.value(db, "SELECT status FROM orders.orders WHERE id = ?::uuid", orderId);
    }

    private void pay(String owner, String orderId) {
        String total = as(owner).get("/orders/" + orderId).then().extract().path("total");
        postSigned(paymentEvent(newEventId(), "payment_succeeded", orderId, total, "EUR")).then().statusCode(200)
                .body("outcome", equalTo("applied"));
    }

    @Test
    void aConfirmedAssetIsRecordedWithItsExpiryAndRefreshedByALaterConfirmation() {
        String owner = TestSupport.newUser();
        UUID session = UUID.randomUUID();
        UUID asset = TestSupport.confirm(owner, session, "2030-01-02T03:04:05Z");
        TestSupport.awaitProjected(db, List.of(asset));
        assertThat(assetRow(asset)).startsWith("[" + owner + ", " + session + ", session_" + session)
                .endsWith(", 2030-01-02T03:04:05Z]");

        // the same asset announced again, now permanent (paid for): the row follows
        UUID room = UUID.randomUUID();
        String json = KafkaTestClient.publish(ASSET_SERVICE, new AssetConfirmed(asset, session, room, owner, "photo",
                "user-uploads", "session_" + session + "/room_" + room + "/photos/" + asset + ".jpg", "image/jpeg",
                1234, "cd".repeat(32), null, null));
        await().atMost(Duration.ofSeconds(30)).until(() -> assetRow(asset).endsWith(", null]"));
        // that record delivered again is skipped: still one row, still permanent
        KafkaTestClient.send(Topic.ASSET_CONFIRMED.topicName(), asset.toString(), json);
        await().atMost(Duration.ofSeconds(30)).until(() -> OrdersDatabase.count(db, "SELECT count(*) FROM"
                + " orders.processed_events WHERE consumer = 'asset-confirmed' AND event_id = ?::uuid",
                com.renovation.media.contracts.events.EventJson.read(json).id().toString()) == 1);
        assertThat(OrdersDatabase.count(db, "SELECT count(*) FROM orders.order_assets WHERE asset_id = ?", asset))
                .isEqualTo(1);
        // and it may be ordered
        order(owner, session, List.of(item(asset, "restoration"))).then().statusCode(201);
    }

    @Test
    void aConfirmationLackingItsOwnerIsDeadLettered() {
        UUID asset = UUID.randomUUID();
        KafkaTestClient.publish(ASSET_SERVICE, new AssetConfirmed(asset, UUID.randomUUID(), UUID.randomUUID(), null,
                "photo", "user-uploads", "x.jpg", "image/jpeg", 1, "ab".repeat(32)));
        KafkaTestClient.publish(ASSET_SERVICE, new AssetConfirmed(asset, UUID.randomUUID(), UUID.randomUUID(),
                "someone", "photo", "user-uploads", "x.jpg", "image/jpeg", 1, "ab".repeat(32), null, "next tuesday"));
        await().atMost(Duration.ofSeconds(60)).until(() -> KafkaTestClient.records(
                PlatformService.ORDER_SERVICE.deadLetter(Topic.ASSET_CONFIRMED), asset.toString()).size() == 2);
        assertThat(assetRow(asset)).isNull();
    }

    @Test
    void aDeletedAssetLeavesTheProjectionAndExpiresTheUnpaidOrdersNamingIt() {
        var photos = TestSupport.photos(db, TestSupport.newUser(), 2);
        String owner = photos.owner();
        UUID deleted = photos.assetIds().get(0);
        UUID kept = photos.assetIds().get(1);
        String naming = order(owner, photos.sessionId(), List.of(item(deleted, "render"), item(kept, "render")))
                .then().statusCode(201).extract().path("id");
        String notNaming = order(owner, photos.sessionId(), List.of(item(kept, "render"))).then().statusCode(201)
                .extract().path("id");
        String paid = order(owner, photos.sessionId(), List.of(item(deleted, "restoration"))).then().statusCode(201)
                .extract().path("id");
        pay(owner, paid);

        KafkaTestClient.publish(ASSET_SERVICE, new AssetDeleted(deleted, photos.sessionId(), UUID.randomUUID(),
                "user-uploads", List.of("x.jpg")));
        await().atMost(Duration.ofSeconds(30)).until(() -> assetRow(deleted) == null);

        as(owner).get("/orders/" + naming).then().statusCode(200).body("status", equalTo("expired"))
                .body("expiredAt", notNullValue()).body("checkoutUrl", nullValue());
        assertThat(status(notNaming)).isEqualTo("pending_payment");
        assertThat(status(paid)).isEqualTo("processing");
        assertThat(assetRow(kept)).isNotNull();
        order(owner, photos.sessionId(), List.of(item(deleted, "render"))).then().statusCode(404);
        // an expired order cannot be paid any more: the payment is kept as rejected for a refund
        String total = as(owner).get("/orders/" + naming).then().extract().path("total");
        postSigned(paymentEvent(newEventId(), "payment_succeeded", naming, total, "EUR")).then().statusCode(200)
                .body("outcome", equalTo("rejected"));
        assertThat(status(naming)).isEqualTo("expired");
    }

    @Test
    void aDeletedSessionTakesItsAssetsExpiresItsUnpaidOrdersAndCancelsItsJobs() {
        var photos = TestSupport.photos(db, TestSupport.newUser(), 2);
        var otherSession = TestSupport.photos(db, photos.owner(), 1);
        String owner = photos.owner();
        String pending = TestSupport.orderAll(photos);
        String partly = TestSupport.orderAll(photos);
        pay(owner, partly);
        // one of this paid order's jobs already ended (as the worker would have it): it stays as it is
        OrdersDatabase.query(db, "UPDATE orders.jobs SET status = 'completed', completed_at = now()"
                + " WHERE id = (SELECT id FROM orders.jobs WHERE order_id = ?::uuid LIMIT 1) RETURNING id", partly);
        String noneDone = TestSupport.orderAll(photos);
        pay(owner, noneDone);
        String refunded = TestSupport.orderAll(photos);
        pay(owner, refunded);
        String total = as(owner).get("/orders/" + refunded).then().extract().path("total");
        postSigned(paymentEvent(newEventId(), "refunded", refunded, total, "EUR")).then().statusCode(200)
                .body("outcome", equalTo("applied"));
        String elsewhere = TestSupport.orderAll(otherSession);
        String paidElsewhere = TestSupport.orderAll(otherSession);
        pay(owner, paidElsewhere);

        KafkaTestClient.publish(ASSET_SERVICE, new SessionDeleted(photos.sessionId(), owner));
        await().atMost(Duration.ofSeconds(30)).until(() -> "expired".equals(status(pending)));

        assertThat(OrdersDatabase.count(db, "SELECT count(*) FROM orders.order_assets WHERE session_id = ?",
                photos.sessionId())).isZero();
        assertThat(OrdersDatabase.query(db, "SELECT status, cancelled_at IS NOT NULL FROM orders.jobs"
                + " WHERE order_id = ?::uuid ORDER BY status", partly).toString())
                .isEqualTo("[[cancelled, t], [completed, f]]");
        // a paid order ends once its last jobs are cancelled: cancelled jobs count as not completed
        assertThat(status(partly)).isEqualTo("partially_failed");
        assertThat(status(noneDone)).isEqualTo("failed");
        assertThat(OrdersDatabase.count(db, "SELECT count(*) FROM orders.orders WHERE id IN (?::uuid, ?::uuid)"
                + " AND completed_at IS NOT NULL", partly, noneDone)).isEqualTo(2);
        as(owner).get("/orders/" + noneDone).then().statusCode(200).body("status", equalTo("failed"))
                .body("completedAt", notNullValue()).body("items[0].job.status", equalTo("cancelled"));
        JsonNode partlyEvent = await().atMost(Duration.ofSeconds(20)).until(
                () -> KafkaTestClient.eventData(Topics.ORDER_COMPLETED, partly),
                events -> events.size() == 1).getFirst();
        assertThat(partlyEvent.get("status").asText()).isEqualTo("partially_failed");
        assertThat(partlyEvent.get("jobsCompleted").asInt()).isEqualTo(1);
        assertThat(partlyEvent.get("jobsFailed").asInt()).isEqualTo(1);
        JsonNode failedEvent = await().atMost(Duration.ofSeconds(20)).until(
                () -> KafkaTestClient.eventData(Topics.ORDER_COMPLETED, noneDone),
                events -> events.size() == 1).getFirst();
        assertThat(failedEvent.get("status").asText()).isEqualTo("failed");
        assertThat(failedEvent.get("jobsCompleted").asInt()).isZero();
        assertThat(failedEvent.get("jobsFailed").asInt()).isEqualTo(2);
        // a refund keeps its own ending: refunded, no completion, no event
        assertThat(status(refunded)).isEqualTo("refunded");
        assertThat(OrdersDatabase.count(db, "SELECT count(*) FROM orders.orders WHERE id = ?::uuid"
                + " AND completed_at IS NULL", refunded)).isEqualTo(1);
        assertThat(KafkaTestClient.eventData(Topics.ORDER_COMPLETED, refunded)).isEmpty();
        // the owner's other session is untouched
        assertThat(status(elsewhere)).isEqualTo("pending_payment");
        assertThat(status(paidElsewhere)).isEqualTo("processing");
        assertThat(assetRow(otherSession.first())).isNotNull();
    }
}

package com.renovation.media.orders;

import static com.renovation.media.orders.TestSupport.as;
import static com.renovation.media.orders.TestSupport.newEventId;
import static com.renovation.media.orders.TestSupport.paymentEvent;
import static com.renovation.media.orders.TestSupport.postSigned;
import static com.renovation.media.orders.TestSupport.postWithSignature;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.renovation.media.contracts.events.Topics;
import com.renovation.media.contracts.webhooks.WebhookSignature;
import com.renovation.media.messaging.testing.KafkaTestClient;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * POST /webhooks/payments: signed events change the order once per event id; unsigned, stale or altered ones are
 * refused and change nothing. The jobs worker is not part of these tests, so paid orders' jobs stay queued.
 */
@QuarkusTest
class PaymentWebhookIT {

    @Inject
    AgroalDataSource db;

    private record Paid(String owner, String orderId, String total) {
    }

    private Paid pendingOrder(int photos) {
        var p = TestSupport.photos(db, TestSupport.newUser(), photos);
        String id = TestSupport.orderAll(p);
        String total = as(p.owner()).get("/orders/" + id).then().extract().path("total");
        return new Paid(p.owner(), id, total);
    }

    /** What must not change when an event is refused: the order row, its jobs and its payment events. */
    private String snapshot(String orderId) {
        return OrdersDatabase.query(db, "SELECT o.status, o.payment_status, o.paid_at, o.payment_id,"
                + " (SELECT count(*) FROM orders.jobs j WHERE j.order_id = o.id),"
                + " (SELECT count(*) FROM orders.payment_events e WHERE e.order_id = o.id)"
                + " FROM orders.orders o WHERE o.id = ?::uuid", orderId).toString();
    }

    private long outboxEvents(String orderId) {
        return OrdersDatabase.count(db, "SELECT count(*) FROM orders.outbox WHERE subject = ? AND topic = ?", orderId,
                Topics.ORDER_PAID);
    }

    @Test
    void aSignedPaymentStartsProcessingQueuesOneJobPerItemAndAnnouncesOrderPaid() {
        Paid order = pendingOrder(2);
        String eventId = newEventId();
        Instant before = Instant.now();

        postSigned(paymentEvent(eventId, "payment_succeeded", order.orderId(), order.total(), "EUR")).then()
                .statusCode(200).body("received", equalTo(true)).body("outcome", equalTo("applied"));

        JsonPath view = as(order.owner()).get("/orders/" + order.orderId()).then().statusCode(200)
                .body("status", equalTo("processing")).body("paymentStatus", equalTo("succeeded"))
                .body("paidAt", notNullValue()).body("checkoutUrl", nullValue())
                .body("items.job", everyItem(notNullValue()))
                .body("items.job.status", everyItem(equalTo("queued")))
                .body("items.job.attempts", everyItem(equalTo(0)))
                .body("items.job.maxAttempts", everyItem(equalTo(3)))
                .extract().jsonPath();
        assertThat(view.getList("items.job.outputAssetId", String.class)).doesNotContainNull().doesNotHaveDuplicates();
        assertThat(view.getList("items.job.queuedAt", String.class)).doesNotContainNull();
        List<List<String>> jobs = OrdersDatabase.query(db, "SELECT extract(epoch FROM deadline_at - next_attempt_at),"
                + " next_attempt_at <= now(), service FROM orders.jobs WHERE order_id = ?::uuid", order.orderId());
        assertThat(jobs).hasSize(2).allSatisfy(row -> {
            assertThat(Double.parseDouble(row.get(0))).isEqualTo(Duration.ofMinutes(30).toSeconds());
            assertThat(row.get(1)).isEqualTo("t");
            assertThat(row.get(2)).isEqualTo("restoration");
        });
        assertThat(OrdersDatabase.value(db, "SELECT payment_id FROM orders.orders WHERE id = ?::uuid",
                order.orderId())).isEqualTo("pay_" + eventId);
        assertThat(Instant.parse(view.getString("paidAt"))).isAfterOrEqualTo(before.minusSeconds(1));

        // order.paid reaches Kafka once, naming the order's assets
        await().atMost(Duration.ofSeconds(30)).until(() -> KafkaTestClient.records(Topics.ORDER_PAID,
                order.orderId()).size() == 1);
        JsonNode paid = KafkaTestClient.eventData(Topics.ORDER_PAID, order.orderId()).getFirst();
        assertThat(paid.get("ownerId").asText()).isEqualTo(order.owner());
        assertThat(paid.get("number").asText()).isEqualTo(view.getString("number"));
        assertThat(paid.get("assetIds")).hasSize(2);
        assertThat(paid.get("sessionId").asText()).isEqualTo(view.getString("sessionId"));
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        Paid order = pendingOrder(2);
        String body = paymentEvent(newEventId(), "payment_succeeded", order.orderId(), order.total(), "EUR");
        postSigned(body).then().statusCode(200).body("outcome", equalTo("applied"));
        String after = snapshot(order.orderId());

        // the same event, signed again later (as a provider's retry is), twice
        postSigned(body).then().statusCode(200).body("received", equalTo(true)).body("outcome", equalTo("applied"));
        postSigned(body).then().statusCode(200);
        // another event paying the same order again
        postSigned(paymentEvent(newEventId(), "payment_succeeded", order.orderId(), order.total(), "EUR")).then()
                .statusCode(200).body("outcome", equalTo("ignored"));

        assertThat(OrdersDatabase.count(db, "SELECT count(*) FROM orders.jobs WHERE order_id = ?::uuid",
                order.orderId())).isEqualTo(2);
        assertThat(outboxEvents(order.orderId())).isEqualTo(1);
        assertThat(snapshot(order.orderId())).isEqualTo(after.replace(", 1]", ", 2]"));
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(30)).until(() ->
                KafkaTestClient.records(Topics.ORDER_PAID, order.orderId()).size() == 1);
    }

    @Test
    void unsignedStaleForgedOrTamperedEventsAre400AndChangeNothing() {
        Paid order = pendingOrder(1);
        String before = snapshot(order.orderId());
        String eventId = newEventId();
        String body = paymentEvent(eventId, "payment_succeeded", order.orderId(), order.total(), "EUR");
        Instant now = Instant.now();
        String validation = "urn:media-platform:problem:validation";

        postWithSignature(body, null).then().statusCode(400).body("type", equalTo(validation))
                .body("errors[0].field", equalTo(WebhookSignature.PAYMENT_HEADER));
        postWithSignature(body, "").then().statusCode(400);
        postWithSignature(body, "garbage").then().statusCode(400);
        postWithSignature(body, "t=abc,v1=00").then().statusCode(400);
        // stale, either way (well past the tolerance: the server reads its clock a moment after the test)
        postWithSignature(body, WebhookSignature.header(TestSupport.PAYMENT_SECRET, now.minusSeconds(310), body))
                .then().statusCode(400).body("detail", equalTo(WebhookSignature.PAYMENT_HEADER
                        + ": the signature's timestamp is too far from now"));
        postWithSignature(body, WebhookSignature.header(TestSupport.PAYMENT_SECRET, now.plusSeconds(310), body))
                .then().statusCode(400);
        // another secret
        postWithSignature(body, WebhookSignature.header("whsec_someone_else", now, body)).then().statusCode(400);
        // a signature of another body (the amount changed after signing)
        String signed = WebhookSignature.header(TestSupport.PAYMENT_SECRET, now, body);
        String tampered = body.replace("\"amount\":\"" + order.total() + "\"", "\"amount\":\"0.01\"");
        assertThat(tampered).isNotEqualTo(body);
        postWithSignature(tampered, signed).then().statusCode(400);
        // the signed bytes with a space added: not the same body
        postWithSignature(body + " ", signed).then().statusCode(400);
        // signed, but not a payment event
        postSigned("{not json").then().statusCode(400)
                .body("type", equalTo("urn:media-platform:problem:malformed-json"));
        postSigned("[1,2]").then().statusCode(400);
        postSigned("{\"type\":\"payment_succeeded\",\"data\":{}}").then().statusCode(400)
                .body("errors[0].field", equalTo("id"));
        // larger than any event
        String huge = "{\"id\":\"" + "x".repeat(70_000) + "\"}";
        postSigned(huge).then().statusCode(413);

        assertThat(snapshot(order.orderId())).isEqualTo(before);
        assertThat(OrdersDatabase.count(db, "SELECT count(*) FROM orders.payment_events WHERE id = ?", eventId))
                .isZero();
        // the genuine event still works afterwards
        postWithSignature(body, signed).then().statusCode(200).body("outcome", equalTo("applied"));
    }

    @Test
    void aPaymentOfAnotherAmountOrCurrencyOrForNoKnownOrderIsRejectedAndChangesNothing() {
        Paid order = pendingOrder(1);
        String before = snapshot(order.orderId());

        String lessId = newEventId();
        postSigned(paymentEvent(lessId, "payment_succeeded", order.orderId(), "0.01", "EUR")).then().statusCode(200)
                .body("outcome", equalTo("rejected"));
        postSigned(paymentEvent(newEventId(), "payment_succeeded", order.orderId(), order.total(), "USD")).then()
                .statusCode(200).body("outcome", equalTo("rejected"));
        postSigned(paymentEvent(newEventId(), "payment_succeeded", java.util.UUID.randomUUID().toString(),
                order.total(), "EUR")).then().statusCode(200).body("outcome", equalTo("rejected"));

        as(order.owner()).get("/orders/" + order.orderId()).then().statusCode(200)
                .body("status", equalTo("pending_payment")).body("paymentStatus", equalTo("pending"))
                .body("items[0].job", nullValue());
        assertThat(snapshot(order.orderId())).isEqualTo(before.replace(", 0]", ", 2]"));
        assertThat(OrdersDatabase.value(db, "SELECT outcome || ':' || detail FROM orders.payment_events WHERE id = ?",
                lessId)).startsWith("rejected:amount 0.01");
        assertThat(outboxEvents(order.orderId())).isZero();
        // the same total written with another number of decimals is the same amount
        postSigned(paymentEvent(newEventId(), "payment_succeeded", order.orderId(), order.total() + "0", "EUR"))
                .then().statusCode(200).body("outcome", equalTo("applied"));
    }

    @Test
    void anUnknownEventTypeIsAcknowledgedAndIgnored() {
        Paid order = pendingOrder(1);
        String before = snapshot(order.orderId());
        String id = newEventId();
        postSigned(paymentEvent(id, "customer.created", order.orderId(), order.total(), "EUR")).then()
                .statusCode(200).body("outcome", equalTo("ignored"));
        assertThat(snapshot(order.orderId())).isEqualTo(before.replace(", 0]", ", 1]"));
    }

    @Test
    void aFailedPaymentLeavesTheOrderWaitingForAnother() {
        Paid order = pendingOrder(1);
        postSigned(paymentEvent(newEventId(), "payment_failed", order.orderId(), order.total(), "EUR")).then()
                .statusCode(200).body("outcome", equalTo("applied"));
        as(order.owner()).get("/orders/" + order.orderId()).then().statusCode(200)
                .body("status", equalTo("pending_payment")).body("paymentStatus", equalTo("failed"))
                .body("checkoutUrl", notNullValue()).body("items[0].job", nullValue());

        // a second try succeeds
        postSigned(paymentEvent(newEventId(), "payment_succeeded", order.orderId(), order.total(), "EUR")).then()
                .statusCode(200).body("outcome", equalTo("applied"));
        as(order.owner()).get("/orders/" + order.orderId()).then().body("status", equalTo("processing"))
                .body("paymentStatus", equalTo("succeeded"));
        // a late failure of an earlier attempt does not undo the payment
        postSigned(paymentEvent(newEventId(), "payment_failed", order.orderId(), order.total(), "EUR")).then()
                .statusCode(200).body("outcome", equalTo("ignored"));
        as(order.owner()).get("/orders/" + order.orderId()).then().body("paymentStatus", equalTo("succeeded"));
    }

    @Test
    void aRefundCancelsTheJobsNotEndedYet() {
        Paid order = pendingOrder(2);
        // refunding an order never paid contradicts it
        postSigned(paymentEvent(newEventId(), "refunded", order.orderId(), order.total(), "EUR")).then()
                .statusCode(200).body("outcome", equalTo("rejected"));
        postSigned(paymentEvent(newEventId(), "payment_succeeded", order.orderId(), order.total(), "EUR")).then()
                .statusCode(200).body("outcome", equalTo("applied"));
        // one job ended before the refund (as the worker would have it): it stays as it is
        OrdersDatabase.query(db, "UPDATE orders.jobs SET status = 'completed', completed_at = now()"
                + " WHERE id = (SELECT id FROM orders.jobs WHERE order_id = ?::uuid LIMIT 1) RETURNING id",
                order.orderId());

        String refund = paymentEvent(newEventId(), "refunded", order.orderId(), order.total(), "EUR");
        postSigned(refund).then().statusCode(200).body("outcome", equalTo("applied"));
        postSigned(refund).then().statusCode(200).body("outcome", equalTo("applied"));
        postSigned(paymentEvent(newEventId(), "refunded", order.orderId(), order.total(), "EUR")).then()
                .statusCode(200).body("outcome", equalTo("ignored"));

        JsonPath view = as(order.owner()).get("/orders/" + order.orderId()).then().statusCode(200)
                .body("status", equalTo("refunded")).body("paymentStatus", equalTo("refunded"))
                .body("refundedAt", notNullValue()).body("items", hasSize(2)).extract().jsonPath();
        assertThat(view.getList("items.job.status", String.class)).containsExactlyInAnyOrder("completed", "cancelled");
        assertThat(view.getList("items.job.cancelledAt", String.class)).containsOnlyOnce((String) null);
        // a payment after the refund does not restart it
        postSigned(paymentEvent(newEventId(), "payment_succeeded", order.orderId(), order.total(), "EUR")).then()
                .statusCode(200).body("outcome", equalTo("ignored"));
        assertThat(OrdersDatabase.count(db, "SELECT count(*) FROM orders.jobs WHERE order_id = ?::uuid",
                order.orderId())).isEqualTo(2);
    }

    @Test
    void concurrentDeliveriesPayOnce() throws Exception {
        Paid order = pendingOrder(3);
        String body = paymentEvent(newEventId(), "payment_succeeded", order.orderId(), order.total(), "EUR");
        // the same event delivered many times at once, and other events paying the same order at the same moment
        List<String> bodies = new java.util.ArrayList<>(java.util.Collections.nCopies(6, body));
        for (int i = 0; i < 4; i++) {
            bodies.add(paymentEvent(newEventId(), "payment_succeeded", order.orderId(), order.total(), "EUR"));
        }
        var pool = java.util.concurrent.Executors.newFixedThreadPool(bodies.size());
        try {
            var start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<String>> answers = bodies.stream().map(b -> pool.submit(() -> {
                start.await();
                var answer = postSigned(b);
                return answer.statusCode() + ":" + answer.path("outcome");
            })).toList();
            start.countDown();
            List<String> outcomes = new java.util.ArrayList<>();
            for (var answer : answers) {
                outcomes.add(answer.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
            // the event that won is answered applied to each of its deliveries; the other events find it paid
            assertThat(outcomes).allSatisfy(o -> assertThat(o).startsWith("200:"));
            long applied = outcomes.stream().filter(o -> o.equals("200:applied")).count();
            assertThat(applied).isIn(1L, 6L);
        } finally {
            pool.shutdownNow();
        }
        assertThat(OrdersDatabase.count(db, "SELECT count(*) FROM orders.jobs WHERE order_id = ?::uuid",
                order.orderId())).isEqualTo(3);
        assertThat(outboxEvents(order.orderId())).isEqualTo(1);
        assertThat(OrdersDatabase.count(db, "SELECT count(*) FROM orders.payment_events WHERE order_id = ?::uuid"
                + " AND outcome = 'applied'", order.orderId())).isEqualTo(1);
    }

    @Test
    void oneProviderPaymentCannotPayTwoOrders() {
        Paid first = pendingOrder(1);
        Paid second = pendingOrder(1);
        String paymentId = "pay_" + newEventId();
        String pays = """
                {"id":"%s","type":"payment_succeeded","created":1,"data":{"orderId":"%s","amount":"%s",\
                "currency":"EUR","paymentId":"%s"}}""";
        postSigned(pays.formatted(newEventId(), first.orderId(), first.total(), paymentId)).then().statusCode(200)
                .body("outcome", equalTo("applied"));
        postSigned(pays.formatted(newEventId(), second.orderId(), second.total(), paymentId)).then().statusCode(200)
                .body("outcome", equalTo("rejected"));
        as(second.owner()).get("/orders/" + second.orderId()).then().body("status", equalTo("pending_payment"));
    }
}

package com.renovation.media.orders;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.renovation.media.contracts.events.EventJson;
import com.renovation.media.contracts.events.PlatformService;
import com.renovation.media.contracts.events.Topics;
import com.renovation.media.contracts.events.payload.OrderCompleted;
import com.renovation.media.contracts.events.payload.OrderPaid;
import com.renovation.media.contracts.events.payload.SessionExpiring;
import com.renovation.media.contracts.events.payload.ShareLinkCreated;
import com.renovation.media.messaging.testing.KafkaTestClient;
import com.renovation.media.orders.service.notifications.MailQueueWorker;
import com.renovation.media.web.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Events → queued notifications → mails over real SMTP (GreenMail in this JVM): one mail per notification even
 * when the event is redelivered or sent again, with text and HTML parts and our Message-ID; no address → failed
 * no_address; a mail found mid-send after a crash → failed outcome_unknown and never sent.
 */
@QuarkusTest
@QuarkusTestResource(value = GreenMailResource.class, restrictToAnnotatedClass = true)
class NotificationIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String SOURCE = PlatformService.ORDER_SERVICE.serviceName();

    @Inject
    MailQueueWorker worker;

    @Inject
    Pool pool;

    private static String tokenWithEmail(String user, String email, String name) {
        return TestTokens.claims(user, "user").claim("email", email).claim("name", name).sign();
    }

    private static JsonPath notifications(String token) {
        return given().auth().oauth2(token).get("/notifications?limit=100").then().statusCode(200).extract()
                .jsonPath();
    }

    /** Calls order-service once with the token, which records the caller's address. */
    private static String registeredUser(String email) {
        String user = TestTokens.newUserId();
        notifications(tokenWithEmail(user, email, "Ada"));
        return user;
    }

    private static String address() {
        return "u-" + UUID.randomUUID() + "@example.test";
    }

    private static List<String> contentTypes(Part part) throws Exception {
        List<String> types = new ArrayList<>();
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                types.addAll(contentTypes(child));
            }
        } else {
            types.add(part.getContentType().toLowerCase().split(";")[0].strip());
        }
        return types;
    }

    private static String partOf(Part part, String type) throws Exception {
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = partOf(multipart.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        return part.getContentType().toLowerCase().startsWith(type) ? part.getContent().toString() : null;
    }

    private static MimeMessage onlyMailTo(String email) {
        await().atMost(WAIT).until(() -> GreenMailResource.receivedBy(email).size() >= 1);
        // a little longer: a second mail, if one were coming, has time to arrive
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
        List<MimeMessage> mails = GreenMailResource.receivedBy(email);
        assertThat(mails).hasSize(1);
        return mails.get(0);
    }

    @Test
    void anOrderPaidRedeliveredAndSentAgainMailsItsOwnerOnceWithTextAndHtmlParts() throws Exception {
        String email = address();
        String owner = registeredUser(email);
        UUID orderId = UUID.randomUUID();
        OrderPaid paid = new OrderPaid(orderId, "20260101-<b>7</b>", UUID.randomUUID(), owner,
                List.of(UUID.randomUUID(), UUID.randomUUID()), Instant.now().toString());

        String json = KafkaTestClient.publish(SOURCE, paid);
        KafkaTestClient.send(Topics.ORDER_PAID, orderId.toString(), json); // the same record again
        KafkaTestClient.publish(SOURCE, paid); // the same order in a new envelope (a new event id)

        MimeMessage mail = onlyMailTo(email);
        assertThat(mail.getSubject()).isEqualTo("Order 20260101-<b>7</b> confirmed");
        assertThat(contentTypes(mail)).contains("text/plain", "text/html");
        assertThat(partOf(mail, "text/plain")).contains("20260101-<b>7</b>").contains("2 photo(s)");
        // the HTML part escapes every value
        assertThat(partOf(mail, "text/html")).contains("20260101-&lt;b&gt;7&lt;/b&gt;").doesNotContain("<b>7</b>");

        JsonPath list = notifications(tokenWithEmail(owner, email, "Ada"));
        assertThat(list.getList("items")).hasSize(1);
        Map<String, Object> view = list.getMap("items[0]");
        assertThat(view).containsEntry("kind", "order_confirmation").containsEntry("status", "sent")
                .containsEntry("toEmail", email).containsEntry("attempts", 1).containsEntry("errorCode", null);
        assertThat(view.get("sentAt")).isNotNull();
        assertThat(mail.getMessageID()).isEqualTo("<" + view.get("id") + "@media-platform>")
                .isEqualTo(view.get("messageId"));
    }

    @Test
    void eachKindOfEventMailsItsOwnOnce() throws Exception {
        String email = address();
        String owner = registeredUser(email);
        UUID orderId = UUID.randomUUID();
        UUID sessionId = UUID.randomUUID();
        UUID linkId = UUID.randomUUID();
        String completed = KafkaTestClient.publish(SOURCE, new OrderCompleted(orderId, "20260101-000042", sessionId,
                owner, "partially_failed", 2, 1, Instant.now().toString()));
        String expiring = KafkaTestClient.publish(PlatformService.ASSET_SERVICE.serviceName(), new SessionExpiring(
                sessionId, owner, "2026-01-01T00:00:00Z", "2026-02-01T00:00:00Z"));
        String link = KafkaTestClient.publish(PlatformService.ASSET_SERVICE.serviceName(), new ShareLinkCreated(
                linkId, owner, "zip", 3, 5, "2026-02-01T00:00:00Z", Instant.now().toString()));
        KafkaTestClient.send(Topics.ORDER_COMPLETED, orderId.toString(), completed);
        KafkaTestClient.send(Topics.SESSION_EXPIRING, sessionId.toString(), expiring);
        KafkaTestClient.send(Topics.SHARE_LINK_CREATED, linkId.toString(), link);

        await().atMost(WAIT).until(() -> GreenMailResource.receivedBy(email).size() >= 3);
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
        List<MimeMessage> mails = GreenMailResource.receivedBy(email);
        assertThat(mails).hasSize(3);
        List<String> subjects = new ArrayList<>();
        for (MimeMessage mail : mails) {
            subjects.add(mail.getSubject());
            assertThat(contentTypes(mail)).contains("text/plain", "text/html");
            assertThat(mail.getMessageID()).matches("<[0-9a-f-]{36}@media-platform>");
        }
        assertThat(subjects).containsExactlyInAnyOrder("Order 20260101-000042 is ready, with some failures",
                "Your project session will be erased on 2026-02-01", "Your zip link is ready");
        assertThat(notifications(tokenWithEmail(owner, email, "Ada")).getList("items.kind", String.class))
                .containsExactlyInAnyOrder("processing_complete", "session_expiring", "share_link_created");
    }

    @Test
    void anOwnerWithNoKnownAddressGetsAFailedNotificationAndNobodyElseSeesIt() {
        String owner = TestTokens.newUserId();
        UUID orderId = UUID.randomUUID();
        String json = KafkaTestClient.publish(SOURCE, new OrderPaid(orderId, "20260101-000043", UUID.randomUUID(),
                owner, List.of(), Instant.now().toString()));
        UUID eventId = EventJson.read(json).id();
        await().atMost(WAIT).until(() -> count("SELECT count(*) FROM processed_events WHERE event_id = $1",
                eventId) == 1);

        JsonPath list = notifications(TestTokens.user(owner));
        assertThat(list.getList("items")).hasSize(1);
        assertThat(list.getMap("items[0]")).containsEntry("status", "failed").containsEntry("errorCode", "no_address")
                .containsEntry("toEmail", null).containsEntry("attempts", 0);

        String other = TestTokens.newUserId();
        assertThat(notifications(TestTokens.user(other)).getList("items")).isEmpty();
        assertThat(notifications(TestTokens.admin(other)).getList("items")).isEmpty();
    }

    @Test
    void aMailFoundMidSendAfterACrashIsFailedAsOutcomeUnknownAndNeverSent() {
        String email = address();
        UUID id = UUID.randomUUID();
        String owner = TestTokens.newUserId();
        block(() -> pool.preparedQuery("INSERT INTO notifications (id, owner_id, to_email, kind, dedupe_key,"
                + " subject, data, status, attempts, max_attempts, next_attempt_at, lease_until, message_id)"
                + " VALUES ($1, $2, $3, 'order_confirmation', $4, 'Order 20260101-000044 confirmed',"
                + " '{\"orderId\":\"x\",\"number\":\"20260101-000044\",\"items\":1,\"paidAt\":\"x\"}'::jsonb,"
                + " 'sending', 1, 3, now() - interval '10 minutes', now() - interval '1 second', $5)")
                .execute(Tuple.of(id, owner, email, "order_confirmation:crash-" + id, "<" + id + "@media-platform>")));

        block(() -> worker.runOnce());

        await().atMost(WAIT).until(() -> count("SELECT count(*) FROM notifications WHERE id = $1"
                + " AND status = 'failed' AND error_code = 'outcome_unknown'", id) == 1);
        // further runs leave it alone: it is never sent
        block(() -> worker.runOnce());
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertThat(GreenMailResource.receivedBy(email)).isEmpty();
        assertThat(notifications(TestTokens.user(owner)).getMap("items[0]"))
                .containsEntry("status", "failed").containsEntry("errorCode", "outcome_unknown");
    }

    private long count(String sql, Object... parameters) {
        return block(() -> pool.preparedQuery(sql).execute(Tuple.from(List.of(parameters)))).iterator().next()
                .getLong(0);
    }

    private static <T> T block(java.util.function.Supplier<io.smallrye.mutiny.Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}

package com.renovation.media.orders;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.renovation.media.contracts.events.PlatformService;
import com.renovation.media.contracts.events.payload.OrderPaid;
import com.renovation.media.messaging.testing.KafkaTestClient;
import com.renovation.media.web.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An SMTP server refusing the recipient for good (5xx): the mail is bounced after one attempt, never retried. */
@QuarkusTest
@QuarkusTestResource(value = RejectingSmtpResource.class, restrictToAnnotatedClass = true)
class MailBounceIT {

    @Test
    void aPermanentRefusalBouncesTheMailWithoutRetrying() {
        String owner = TestTokens.newUserId();
        String token = TestTokens.claims(owner, "user").claim("email", "nobody@rejecting.test").sign();
        given().auth().oauth2(token).get("/notifications").then().statusCode(200);
        KafkaTestClient.publish(PlatformService.ORDER_SERVICE.serviceName(), new OrderPaid(UUID.randomUUID(),
                "20260101-000200", UUID.randomUUID(), owner, List.of(), Instant.now().toString()));

        await().atMost(Duration.ofSeconds(60)).until(() -> "bounced".equals(given().auth().oauth2(token)
                .get("/notifications").then().statusCode(200).extract().path("items[0].status")));
        int refusedThen = RejectingSmtpResource.RECIPIENTS_REFUSED.get();
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6)).until(() -> true);
        Map<String, Object> view = given().auth().oauth2(token).get("/notifications").then().extract()
                .path("items[0]");
        assertThat(view).containsEntry("status", "bounced").containsEntry("errorCode", "smtp_rejected")
                .containsEntry("attempts", 1).containsEntry("sentAt", null);
        assertThat(RejectingSmtpResource.RECIPIENTS_REFUSED.get()).isEqualTo(refusedThen);
    }
}

package com.renovation.media.orders;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import com.renovation.media.web.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With production's setting (no private targets), registrations of internal or non-https URLs answer 400. */
@QuarkusTest
@TestProfile(WebhookSsrfIT.ProductionTargets.class)
class WebhookSsrfIT {

    public static class ProductionTargets implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("platform.webhooks.allow-private-targets", "false");
        }
    }

    private static void refused(String url, String why) {
        given().auth().oauth2(TestTokens.user(TestTokens.newUserId())).contentType(ContentType.JSON)
                .body(Map.of("url", url, "events", List.of("order.paid"))).post("/webhooks/endpoints")
                .then().statusCode(400).body("detail", containsString(why));
    }

    @Test
    void internalAndPlainHttpTargetsAreRefusedWithTheReason() {
        refused("http://127.0.0.1:8080/hook", "only https");
        refused("http://hooks.example.com/hook", "only https");
        refused("https://127.0.0.1/hook", "loopback");
        refused("https://localhost/hook", "localhost");
        refused("https://169.254.169.254/latest/meta-data/", "link-local");
        refused("https://10.1.2.3/hook", "private");
        refused("https://172.16.0.1/hook", "private");
        refused("https://192.168.1.1/hook", "private");
        refused("https://100.64.0.1/hook", "carrier-grade NAT");
        refused("https://0.0.0.0/hook", "this network");
        refused("https://224.0.0.1/hook", "multicast");
        refused("https://255.255.255.255/hook", "broadcast");
        refused("https://[::1]/hook", "loopback");
        refused("https://[fd00::1]/hook", "unique local");
        refused("https://[fe80::1]/hook", "link-local");
        refused("https://[::ffff:127.0.0.1]/hook", "loopback");
        refused("https://2130706433/hook", "four decimal numbers");
        refused("https://0x7f.0.0.1/hook", "four decimal numbers");
        refused("https://0177.0.0.1/hook", "four decimal numbers");
        refused("https://no-such-host.invalid/hook", "does not resolve");
    }
}

package com.renovation.media.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A console set up for OpenID Connect: no local sign-in at all, and the issuer is the one other origin allowed. */
@QuarkusTest
@TestProfile(OidcConsoleIT.Oidc.class)
class OidcConsoleIT {

    public static class Oidc implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("platform.console.auth.mode", "oidc",
                    "platform.console.auth.issuer", "https://id.example.com/realms/media",
                    "platform.console.auth.client-id", "media-console");
        }
    }

    @Test
    void theSettingsNameTheIssuerAndClientAndLocalSignInDoesNotExist() {
        given().get("/config.json").then().statusCode(200)
                .body("auth.mode", equalTo("oidc"))
                .body("auth.issuer", equalTo("https://id.example.com/realms/media"))
                .body("auth.clientId", equalTo("media-console"))
                .body("auth.scope", equalTo("openid profile"));
        given().contentType(ContentType.JSON).body("{\"user\":\"alice\"}").post("/local/session")
                .then().statusCode(404);
        String policy = given().get("/").header("Content-Security-Policy");
        assertThat(policy).contains("connect-src 'self' http://127.0.0.1:8080 http://127.0.0.1:8083 http://127.0.0.1:8084"
                + " http://127.0.0.1:59000 https://id.example.com").contains("form-action 'self' https://id.example.com");
    }
}

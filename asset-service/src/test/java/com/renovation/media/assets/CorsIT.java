package com.renovation.media.assets;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Browsers may call the API from the console's origin (CORS_ORIGINS), and from no other. */
@QuarkusTest
class CorsIT {

    private static final String CONSOLE = "https://console.example.test";

    @Test
    void theConsolesOriginMayCallWithATokenAndResumeTheEventStream() {
        given().header("Origin", CONSOLE).header("Access-Control-Request-Method", "PATCH")
                .header("Access-Control-Request-Headers", "authorization,content-type,last-event-id")
                .options("/assets/00000000-0000-0000-0000-000000000000")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(CONSOLE))
                .header("Access-Control-Allow-Methods", containsString("PATCH"))
                .header("Access-Control-Allow-Headers", containsString("Last-Event-ID"));
        given().header("Origin", CONSOLE).auth().oauth2(TestSupport.token(TestSupport.newUser()))
                .get("/sessions").then().statusCode(200).header("Access-Control-Allow-Origin", equalTo(CONSOLE));
    }

    @Test
    void anyOtherOriginIsNotAllowed() {
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "GET")
                .options("/sessions")
                .then().header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "https://evil.example").auth().oauth2(TestSupport.token(TestSupport.newUser()))
                .get("/sessions").then().header("Access-Control-Allow-Origin", nullValue());
    }
}

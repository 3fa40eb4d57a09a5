package com.renovation.media.assets;

import static io.restassured.RestAssured.given;

import com.renovation.media.web.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;

/** Tokens naming a plan in the plan claim, and the usage view, for the plan and quota tests. */
final class PlanTestSupport {

    static final long MB = 1024 * 1024;
    static final String QUOTA_EXCEEDED = "urn:media-platform:problem:quota-exceeded";

    private PlanTestSupport() {
    }

    static String token(String user, String plan) {
        return TestTokens.claims(user, "user").claim("plan", plan).sign();
    }

    static RequestSpecification asOn(String user, String plan) {
        return given().auth().oauth2(token(user, plan)).contentType(ContentType.JSON);
    }

    static RequestSpecification asAdmin() {
        return given().auth().oauth2(TestTokens.admin(TestTokens.newUserId())).contentType(ContentType.JSON);
    }

    static String session(String user, String plan) {
        return asOn(user, plan).body(Map.of("title", "Bathroom")).post("/sessions").then().statusCode(201)
                .extract().path("id");
    }

    static String room(String user, String plan, String session) {
        return asOn(user, plan).body(Map.of("name", "Bathroom", "roomType", "bathroom"))
                .post("/sessions/" + session + "/rooms").then().statusCode(201).extract().path("id");
    }

    static io.restassured.response.Response requestUpload(String user, String plan, String room, long size) {
        return asOn(user, plan).body(Map.of("roomId", room, "assetType", "photo", "filename", "p.jpg",
                "contentType", "image/jpeg", "size", size)).post("/assets/uploads");
    }

    static long storageBytes(String user, String plan) {
        return ((Number) asOn(user, plan).get("/me/usage").then().statusCode(200).extract().path("storageBytes"))
                .longValue();
    }
}
